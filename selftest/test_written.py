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
