"""Written parts: words are never the gate. For every written kata, the key in its test module agrees with
reference/, the stub is the reference with the answers taken out, and nothing but right marks, right
blanks and right predictions passes:

- flipping any single mark fails, with a message that names the idea and never the mark;
- every wrong blank fails and every honest variant of a right one passes;
- the reference's own words with untouched marks do not pass; the right marks with one sentence in
  other words do;
- every snippet prints one line, and the reference predicts exactly what it prints with this torch.
"""

import re
from functools import cache
from pathlib import Path

import pytest

from katakit import loader, manifest, written

ROOT = Path(__file__).resolve().parent.parent
KATAS = manifest.load(ROOT)
WRITTEN = [k for k in KATAS if k.kind != "code"]
OTHER_WORDS = "In my own words: this is how I would explain it to a classmate."


@cache
def key_of(kata) -> written.Key:
    module = loader.load_module(ROOT / kata.test_file, f"key_{kata.id}")
    assert isinstance(getattr(module, "KEY", None), written.Key), f"{kata.test_file} defines no written.Key named KEY"
    return module.KEY


def has(kata, part: str) -> bool:
    """Whether the kata's key has blanks or snippets (True when the key cannot load: the test then says why)."""
    try:
        return bool(getattr(key_of(kata), part))
    except Exception:
        return True


def text_of(kata, folder: str) -> str:
    return (ROOT / folder / f"{kata.name}.md").read_text(encoding="utf-8")


def parsed(kata, text: str) -> written.Answer:
    return written.parse(text, Path("katas") / f"{kata.name}.md")


def with_answer(text: str, answer: str) -> str:
    head, rest = text.split("## Your answer", 1)
    tail = rest.split("\n## ", 1)[1] if "\n## " in rest else ""
    return f"{head}## Your answer\n\n{answer}\n" + (f"\n## {tail}" if tail else "")


@pytest.mark.parametrize("kata", WRITTEN, ids=lambda k: k.id)
def test_the_reference_passes_the_key(kata):
    failures = written.judge(parsed(kata, text_of(kata, "reference")), key_of(kata))
    assert not failures, f"{kata.id}: reference/{kata.name}.md disagrees with the key:\n" + "\n".join(
        f.message for f in failures)


@pytest.mark.parametrize("kata", WRITTEN, ids=lambda k: k.id)
def test_the_stub_is_the_reference_with_the_answers_taken_out(kata):
    stub = text_of(kata, "katas")
    assert stub == written.stub_of(text_of(kata, "reference")), (
        f"{kata.id}: katas/{kata.name}.md is not reference/{kata.name}.md blanked out (written.stub_of)")
    assert parsed(kata, stub).untouched and kata.question in stub


@pytest.mark.parametrize("kata", WRITTEN, ids=lambda k: k.id)
def test_the_key_mixes_true_and_false_statements(kata):
    truths = [s.true for s in key_of(kata).statements]
    assert len(truths) >= 4 and any(truths) and not all(truths), (
        f"{kata.id}: needs at least 4 statements, at least one true and one false (has {truths})")
    assert key_of(kata).ideas, f"{kata.id}: the key lists no ideas for `katas review`"


@pytest.mark.parametrize("kata", WRITTEN, ids=lambda k: k.id)
def test_flipping_any_single_mark_fails_and_names_the_idea_not_the_mark(kata):
    reference = text_of(kata, "reference")
    for statement in key_of(kata).statements:
        line = re.escape(statement.text)
        flipped = re.sub(rf"\[[ xX]\](\s+{line})", "[ ]\\1" if statement.true else "[x]\\1", reference)
        assert flipped != reference, f"{kata.id}: statement not found in the reference: {statement.text}"
        failures = written.judge_statements(parsed(kata, flipped), key_of(kata).statements)
        assert failures, f"{kata.id}: flipping the mark of '{statement.text}' still passes"
        assert statement.idea in failures[0].message and statement.text not in failures[0].message


@pytest.mark.parametrize("kata", [k for k in WRITTEN if has(k, "blanks")], ids=lambda k: k.id)
def test_wrong_blanks_fail_and_honest_variants_pass(kata):
    for blank in key_of(kata).blanks:
        right = blank.accept[0]
        variants = [right, right.upper(), f"{right}.", f"`{right}`", f"**{right}**"]
        if right.isdigit():
            variants += [f"{right}x", f"{right} times"]
        for value in variants:
            assert written.normalise(value) in {written.normalise(a) for a in blank.accept}, (
                f"{kata.id}: '{value}' should pass the blank about {blank.about}")
        for value in (*blank.reject, "no idea"):
            assert written.normalise(value) not in {written.normalise(a) for a in blank.accept}, (
                f"{kata.id}: '{value}' passes the blank about {blank.about}")


@pytest.mark.parametrize("kata", WRITTEN, ids=lambda k: k.id)
def test_the_references_words_with_untouched_marks_do_not_pass(kata):
    stub_with_words = with_answer(text_of(kata, "katas"), parsed(kata, text_of(kata, "reference")).text)
    assert written.judge(parsed(kata, stub_with_words), key_of(kata)), (
        f"{kata.id}: the reference's answer with no marks ticked passes")


@pytest.mark.parametrize("kata", WRITTEN, ids=lambda k: k.id)
def test_the_right_marks_with_one_sentence_in_other_words_pass(kata):
    other = with_answer(text_of(kata, "reference"), OTHER_WORDS)
    assert not written.judge(parsed(kata, other), key_of(kata)), f"{kata.id}: a one-sentence answer is refused"


@pytest.mark.parametrize("kata", [k for k in WRITTEN if has(k, "snippets")], ids=lambda k: k.id)
def test_every_snippet_prints_one_line_and_the_reference_predicts_it(kata):
    reference = parsed(kata, text_of(kata, "reference"))
    for snippet in key_of(kata).snippets:
        printed = written.run_snippet(snippet.code)
        assert printed and "\n" not in printed, f"{kata.id}: a snippet must print one line, not {printed!r}"
        predicted = reference.predictions.get(written._code_key(snippet.code))
        assert predicted is not None and written.same_output(predicted, printed), (
            f"{kata.id}: the reference predicts {predicted!r}, the snippet prints {printed!r}")


def test_the_course_has_enough_statements_blanks_and_snippets():
    keys = [key_of(k) for k in WRITTEN]
    statements = sum(len(k.statements) for k in keys)
    snippets = sum(len(k.snippets) for k in keys)
    assert statements >= 150, f"{statements} statements across the course; the design asks for 150 or more"
    assert snippets >= 15, f"{snippets} predict-the-output snippets across the course; the design asks for 15 or more"


# Position tells nothing (issue 19, item 1) -----------------------------------------------------------------
# A learner who ticks by place instead of by meaning must not pass. These proofs read the order a learner sees
# (the statements as reference/ lists them) and try every fixed way of ticking by place on every part.


def layout(kata) -> list[bool]:
    """Whether each statement is true, in the order reference/ shows them."""
    truth = {written._squash(s.text): s.true for s in key_of(kata).statements}
    return [truth[text] for text in parsed(kata, text_of(kata, "reference")).marks if text in truth]


def twins(kata) -> list[bool]:
    """For each idea with a true and a false statement (a twin): whether a true one comes first."""
    order = [written._squash(s.text) for s in key_of(kata).statements]
    shown = list(parsed(kata, text_of(kata, "reference")).marks)
    first: dict[str, bool] = {}
    for statement in sorted(key_of(kata).statements, key=lambda s: shown.index(written._squash(s.text))
                            if written._squash(s.text) in shown else order.index(written._squash(s.text))):
        first.setdefault(statement.idea, statement.true)
    return [first[idea] for idea in first
            if {s.true for s in key_of(kata).statements if s.idea == idea} == {True, False}]


def fixed_patterns(n: int) -> dict[str, frozenset[int]]:
    """Ways to tick n statements by place alone (places count from 1)."""
    places = range(1, n + 1)
    found = {"none": frozenset(), "all": frozenset(places),
             "odd places": frozenset(p for p in places if p % 2), "even places": frozenset(p for p in places if not p % 2),
             "first half": frozenset(p for p in places if p <= n // 2),
             "first half, rounded up": frozenset(p for p in places if p <= (n + 1) // 2),
             "second half": frozenset(p for p in places if p > n // 2),
             "second half, rounded up": frozenset(p for p in places if p > (n - 1) // 2)}
    for k in range(2, 5):
        for start in range(1, k + 1):
            found[f"every {k}th from {start}"] = frozenset(range(start, n + 1, k))
            found[f"all but every {k}th from {start}"] = frozenset(places) - frozenset(range(start, n + 1, k))
    for m in range(1, n):
        found[f"the first {m}"] = frozenset(range(1, m + 1))
        found[f"the last {m}"] = frozenset(range(n - m + 1, n + 1))
    return found


def passes(pattern: frozenset[int], truths: list[bool]) -> bool:
    """Ticking the places in `pattern` (those that exist) marks every statement right."""
    return {p for p in pattern if p <= len(truths)} == {p for p, t in enumerate(truths, 1) if t}


def passed_by(patterns: dict[str, frozenset[int]]) -> dict[str, list[str]]:
    """For each pattern that passes more than one part (duplicates by place set reported once): those parts."""
    layouts = {k.id: layout(k) for k in WRITTEN}
    seen, too_many = set(), {}
    for name, pattern in patterns.items():
        passed = [kid for kid, truths in layouts.items() if passes(pattern, truths)]
        if len(passed) > 1 and frozenset(passed) not in seen:
            seen.add(frozenset(passed))
            too_many[f"{name} ({', '.join(map(str, sorted(pattern))) or 'nothing'})"] = passed
    return too_many


def test_no_fixed_pattern_of_ticks_passes_more_than_one_part():
    patterns = {f"{name} of {n}": pattern for n in sorted({len(layout(k)) for k in WRITTEN})
                for name, pattern in fixed_patterns(n).items()}
    too_many = passed_by(patterns)
    assert not too_many, f"ticking by place passes more than one part: {too_many}. Reorder those parts' statements."


def test_no_parts_key_ticked_on_another_part_passes_it():
    keys = {f"the key of {k.id}": frozenset(p for p, t in enumerate(layout(k), 1) if t) for k in WRITTEN}
    too_many = passed_by(keys)
    assert not too_many, (f"one part's key, ticked by place on another part, passes it: {too_many}. "
                          "Reorder one of them.")


def test_the_first_statement_is_true_in_about_half_the_parts():
    first_true = [k.id for k in WRITTEN if layout(k)[0]]
    share = len(first_true) / len(WRITTEN)
    assert 0.35 <= share <= 0.65, (f"the first statement is true in {len(first_true)} of {len(WRITTEN)} parts "
                                   f"({share:.0%}); expected 35%–65%. First true: {first_true}")


def test_the_true_twin_comes_first_in_about_half_the_twins():
    orders = [first for k in WRITTEN for first in twins(k)]
    share = sum(orders) / len(orders)
    assert len(orders) >= len(WRITTEN) and 0.35 <= share <= 0.65, (
        f"among {len(orders)} true/false twins (one idea, a true and a false statement) the true one comes first in "
        f"{sum(orders)} ({share:.0%}); expected 35%–65%.")


# A blank is never answered by a statement beside it: no accepted answer (3 characters or more, or a number) is a
# word or number of a TRUE statement of the same part. An allowed exception names its reason.
LEAK_ALLOWED: dict[tuple[str, str], str] = {}


def words_of(text: str) -> str:
    text = re.sub(r"[`*\"'“”‘’]", "", text.lower())
    return " ".join(written.NUMBER_WORDS.get(w, w) for w in re.findall(r"[\w.+-]+|\S", text))


def appears(answer: str, text: str) -> bool:
    if written._NUMBER.match(answer):  # a number, as a number: "2" is in "(2, 3)", not in "2.5" or "1e-2"
        return any(written._number(token) == answer
                   for token in re.findall(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?(?![\w])", text))
    return bool(re.search(rf"(?<![\w.]){re.escape(answer)}(?:s|es|d|ed|ing)?(?!\w)", text))


@pytest.mark.parametrize("kata", [k for k in WRITTEN if has(k, "blanks")], ids=lambda k: k.id)
def test_no_blank_is_answered_by_a_true_statement_of_its_part(kata):
    leaks = []
    for blank in key_of(kata).blanks:
        for answer in {written.normalise(a) for a in blank.accept}:
            if (len(answer) < 3 and not written._NUMBER.match(answer)) or (kata.id, answer) in LEAK_ALLOWED:
                continue
            leaks += [f"'{answer}' (the blank about {blank.about}) in '{s.text}'" for s in key_of(kata).statements
                      if s.true and appears(answer, words_of(s.text))]
    assert not leaks, f"{kata.id}: a true statement answers a blank: " + "; ".join(leaks)


@pytest.mark.parametrize("kata", [k for k in WRITTEN if has(k, "blanks")], ids=lambda k: k.id)
def test_every_blank_says_what_form_of_answer_it_wants(kata):
    forms = {blank.about: blank.form for blank in key_of(kata).blanks}
    assert all(form in ("one number", "one word", "a few words") for form in forms.values()), (
        f"{kata.id}: every blank needs form='one number', 'one word' or 'a few words' (the message names it): {forms}")


# Blanks accept what a careful learner writes (issue 19, item 3) ---------------------------------------------

HEDGED = [("about 10", "10"), ("~10", "10"), ("≈ 10", "10"), ("roughly 10.", "10"), ("approximately 10", "10"),
          ("around 10", "10"), ("exactly once", "1"), ("exactly one time", "1"), ("only once", "1"), ("just 1", "1"),
          ("decrease it slightly", "decrease"), ("You should decrease it slightly.", "decrease"),
          ("to decrease the weight slightly", "decrease"), ("Decrease the element's value a little", "decrease"),
          ("increase it a bit", "increase"), ("the targets", "targets"), ("2.0", "2"), ("+2", "2"), ("twice", "2"),
          ("3e-3", "0.003"), ("0.00001", "1e-5"), ("-3E-03", "-0.003")]
NOT_THE_SAME = [("not 2", "2"), ("2 or 4", "2"), ("2 or 4", "4"), ("about 2 or 4", "4"), ("decrease, not increase", "increase"),
                ("decrease, not increase", "decrease"), ("not decrease", "decrease"), ("at least 10", "10"),
                ("more than 10", "10"), ("less than 10", "10"), ("not about 10", "10"), ("-10", "10"), ("10", "-10"),
                ("about 100", "10"), ("increase or decrease", "increase"), ("either", "decrease"),
                ("decrease slightly, then increase", "decrease"), ("10 squared", "10"), ("its size", "size"),
                ("1e-5", "1"), ("0.1", "1"), ("it", "")]


@pytest.mark.parametrize(("written_as", "means"), HEDGED)
def test_hedges_and_echoes_of_the_question_are_accepted(written_as, means):
    assert written.normalise(written_as) == written.normalise(means), (
        f"normalise({written_as!r}) = {written.normalise(written_as)!r}; a careful learner's {written_as!r} means {means!r}")


@pytest.mark.parametrize(("written_as", "wrong_for"), NOT_THE_SAME)
def test_dropping_hedges_never_turns_a_wrong_answer_into_a_right_one(written_as, wrong_for):
    assert written.normalise(written_as) != written.normalise(wrong_for), (
        f"normalise({written_as!r}) = {written.normalise(written_as)!r}, the same as the answer {wrong_for!r}")


@pytest.mark.parametrize("kata", [k for k in WRITTEN if has(k, "blanks")], ids=lambda k: k.id)
def test_hedged_right_answers_pass_and_hedged_or_mixed_wrong_ones_fail(kata):
    for blank in key_of(kata).blanks:
        for right in blank.accept:
            hedged = [f"about {right}", f"~{right}", f"roughly {right}"] if written._NUMBER.match(
                written.normalise(right)) else [f"{right} slightly", f"you should {right}"]
            for value in hedged:
                assert written.accepted(value, blank.accept), f"{kata.id}: '{value}' should pass the blank about {blank.about}"
        assert blank.reject, f"{kata.id}: the blank about {blank.about} lists no tempting wrong answers (reject=)"
        right = blank.accept[0]
        for wrong in blank.reject:
            for value in (wrong, f"about {wrong}", f"{wrong} slightly", f"{right} or {wrong}", f"{wrong} or {right}",
                          f"not {right}"):
                assert not written.accepted(value, blank.accept), f"{kata.id}: '{value}' passes the blank about {blank.about}"


# Keys beyond dispute (issue 19, item 2) --------------------------------------------------------------------
# Each of these was a key a careful reader could dispute, a strawman, or a giveaway; none may come back, in
# any part, as a statement, a blank's prompt or a snippet. (A fixed version states its assumption, so its
# text differs.)
DISPUTED = {
    "An MSE of 100 means that each prediction is off from its target by roughly how much, on average?":
        "the root mean square is not the average miss",
    "A result computed inside `with torch.no_grad():` has `requires_grad=False`, even when its inputs require grad.":
        "false for views and in-place results such as w.t()",
    "When the `with` block ends, autograd records operations again.": "false inside a nested no_grad",
    "SGD is called stochastic because each step uses the gradient of a random batch of rows, not of the whole "
    "dataset.": "torch.optim.SGD samples nothing; the randomness comes from the DataLoader",
    "A single epoch moves the weights only a small step, because the learning rate keeps each step small.":
        "holds only for full-batch training",
    "In one epoch, every training sample is used exactly once.": "false with drop_last=True",
    "By default, since torch 2.0, `opt.zero_grad()` resets each gradient by setting `.grad` to None.":
        "a version default the lesson's own outputs contradict",
    "Counting from 1, which of the five steps computes the gradients with `loss.backward()`?":
        "the five steps are listed only in the .py docstring",
    "A higher loss means a better model, because the model has learned more.": "a strawman",
    "An epoch is another name for the batch size.": "a strawman",
    "`torch.nn` is itself a ready-trained neural network that you call on your data.": "a strawman",
    "Weights must be positive, because a negative weight would make every prediction negative.": "a strawman",
    "p2 = x @ torch.randn(2, 3).t() + torch.randn(2)": "trivia: two randn draws differ",
    "loss = ((preds - targets) ** 2).mean()\nprint(loss.numel(), loss.item())":
        "cannot tell the mean squared error from the mean absolute error",
    "`with torch.no_grad:`, without the parentheses, works just as well as `with torch.no_grad():`.":
        "a syntax detail, not the idea",
}
OWN_CODE_ANSWER = {"q08": "x @ w.t() + b"}  # a part's statements must not spell out its own code kata's answer


def test_no_disputed_key_strawman_or_trivia_comes_back():
    found = []
    for kata in WRITTEN:
        key = key_of(kata)
        texts = [s.text for s in key.statements] + [b.prompt for b in key.blanks] + [s.code for s in key.snippets]
        found += [f"{kata.id}: {old[:70]!r} ({why})" for old, why in DISPUTED.items()
                  if any(written._code_key(old) in written._code_key(text) for text in texts)]
        code = OWN_CODE_ANSWER.get(kata.id)
        found += [f"{kata.id}: a statement spells out the code answer {code!r}: {s.text!r}" for s in key.statements
                  if code and code in s.text]
    assert not found, "disputed keys, strawmen or giveaways are back:\n" + "\n".join(found)


def test_no_two_parts_share_a_statement_or_nearly_one():
    """Two statements of different parts with 60% or more of their words in common say the same thing: one part
    would give the other away (measured: the shared pairs of q14/q24, q17/q18, q30/q36 and q32/q34 were 64–100%)."""
    seen = [(kata.id, s.text, set(re.findall(r"\w+", s.text.lower()))) for kata in WRITTEN for s in key_of(kata).statements]
    shared = [f"{a}/{b} ({len(x & y) / len(x | y):.0%}): {t!r} ~ {u!r}"
              for n, (a, t, x) in enumerate(seen) for b, u, y in seen[n + 1:]
              if a != b and len(x & y) / len(x | y) >= 0.6]
    assert not shared, "statements shared between parts (one part gives the other away):\n" + "\n".join(shared)


# The phrasings the issue names, on the blanks they were refused by.
NAMED = {"q17": ["decrease it slightly", "Decrease it slightly.", "you should decrease it slightly", "decrease"],
         "q18": ["increase it slightly", "Increase it a little.", "to increase it slightly", "increase"],
         "q16": ["about -1", "≈ -1", "−1", "falls by 1"], "q12": ["9", "about 9", "9.0"]}


@pytest.mark.parametrize("kata_id", sorted(NAMED))
def test_the_phrasings_learners_wrote_are_accepted(kata_id):
    kata = next(k for k in WRITTEN if k.id == kata_id)
    blank = key_of(kata).blanks[0]
    refused = [value for value in NAMED[kata_id] if not written.accepted(value, blank.accept)]
    assert not refused, f"{kata_id}: the blank about {blank.about} refuses {refused}"
