"""Written-answer katas: what is checked is what has one right answer, never the meaning of free text.

A written kata file (katas/qNN_slug.md) has up to four parts:

- `## Your answer`: the learner's own words. Checked only for being written (the placeholder gone, one
  sentence at least); `katas review` shows it beside ours with the key ideas, for self-assessment.
- `## Check yourself`: statements as a task list, `- [ ] ...`; the learner ticks (`- [x]`) the true ones.
- `## Fill in the blanks`: lines ending in `**Answer:** ____`; a word or a number replaces the blank.
- `## Predict the output`: short PyTorch snippets, each followed by `**Output:** ____`; the learner writes
  what the snippet prints. The key is computed by running the snippet, never typed by hand.

The key (which statements are true, which blanks are accepted, which snippets) lives in the kata's test
module as a `Key`; statements, blanks and snippets are found by their text, so reordering breaks nothing.
A failure says how many marks are wrong and which idea each concerns, never the right mark itself.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from katakit import files
from katakit.results import Failure

PLACEHOLDER = "Write your answer here, in your own words."
BLANK = "____"
NUMBER_WORDS = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                "seven": "7", "eight": "8", "nine": "9", "ten": "10"}


class AnswerNotStarted(NotImplementedError):
    """The written part is untouched: nothing written, ticked or filled in."""


class WrittenFailure(AssertionError):
    """One or more written facts are wrong; carries them as structured failures."""

    def __init__(self, failures: list[Failure]):
        super().__init__("\n".join(f.message for f in failures))
        self.failures = failures


# The key, as the tests write it ------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    text: str
    true: bool
    idea: str  # what the statement is about, for the failure message ("what backward() does to .grad")


def true(text: str, idea: str) -> Statement:
    return Statement(text, True, idea)


def false(text: str, idea: str) -> Statement:
    return Statement(text, False, idea)


@dataclass(frozen=True)
class Blank:
    prompt: str  # the line's text before **Answer:**
    accept: tuple[str, ...]  # right answers; case, punctuation, "two" for "2" and "2x" are accepted too
    about: str  # what the blank asks about, for the failure message
    reject: tuple[str, ...] = ()  # tempting wrong answers: the self-test proves each of them fails
    form: str = ""  # the form of answer wanted, for the message: "one number", "one word", "a few words"


@dataclass(frozen=True)
class Snippet:
    code: str  # a few lines of PyTorch that print one line
    about: str  # what the snippet shows, for the failure message
    nudge: str = ""  # a question that points at the idea


@dataclass(frozen=True)
class Key:
    statements: tuple[Statement, ...]
    ideas: tuple[str, ...]  # what a full answer explains: the checklist `katas review` shows
    blanks: tuple[Blank, ...] = ()
    snippets: tuple[Snippet, ...] = ()


# The learner's file, parsed ----------------------------------------------------------------------


@dataclass
class Answer:
    path: Path  # relative to the repository, as the learner knows it
    text: str  # the learner's words under "## Your answer"
    marks: dict[str, bool] = field(default_factory=dict)  # statement text (normalised) -> ticked
    blanks: dict[str, str] = field(default_factory=dict)  # prompt (normalised) -> what was filled in
    predictions: dict[str, str] = field(default_factory=dict)  # snippet code (normalised) -> the prediction

    @property
    def untouched(self) -> bool:
        return (self.text in ("", PLACEHOLDER) and not any(self.marks.values())
                and all(not _filled(v) for v in (*self.blanks.values(), *self.predictions.values())))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _code_key(code: str) -> str:
    return "\n".join(line.strip() for line in code.strip().splitlines() if line.strip())


def _filled(value: str) -> bool:
    return bool(value.replace("_", "").strip(" *`"))


# Learner text is parsed line by line with str methods, never with a regex that can backtrack: each line is
# stripped first, then compared with fixed strings, so any input (a line of 10^5 spaces, a run of `*`) costs
# time in proportion to its length.

def _heading(line: str) -> str | None:
    """The title of a `## Title` line, else None (`###` and indented lines are not section headings)."""
    if line.startswith("##") and line[2:3].isspace() and line[2:].strip():
        return line[2:].strip()
    return None


def _sections(source: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = None
    for line in source.splitlines():
        heading = _heading(line)
        if heading is not None:
            current = heading
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return found


_TICKS = ("", "x", "X", "✓", "✔")


def _task_line(line: str) -> tuple[bool, str] | None:
    """A task-list line, `- [ ] statement` or `- [x] statement` (also `*`/`+`, `✓`): (ticked, statement)."""
    text = line.strip()
    if text[:1] not in ("-", "*", "+"):
        return None
    text = text[1:].lstrip()
    close = text.find("]")
    if not text.startswith("[") or close < 0:
        return None
    tick, statement = text[1:close].strip(), text[close + 1:].strip()
    if tick not in _TICKS or not statement:
        return None
    return bool(tick), statement


def _blank_line(line: str) -> tuple[str, str] | None:
    """A fill-in line, `- prompt **Answer:** value` (a list marker `-`, `*`, `+` or `1.` is optional):
    (prompt, value), both without the bold stars around them."""
    text = line.strip()
    at = text.find("Answer:")
    if at < 0:
        return None
    head = text[:at]
    if head[:1] in ("-", "+"):
        head = head[1:]
    else:
        digits = len(head) - len(head.lstrip("0123456789"))
        if digits and head[digits:digits + 1] == ".":
            head = head[digits + 1:]
    return head.strip().strip("* "), text[at + len("Answer:"):].lstrip("*").strip().strip("* ")


def _output_line(line: str) -> str | None:
    """The prediction of an `**Output:** value` line, else None."""
    text = line.strip().lstrip("*")
    return text[len("Output:"):].lstrip("*").strip() if text.startswith("Output:") else None


def parse(source: str, path: Path) -> Answer:
    """Read the four parts of a written kata file; a missing part is simply empty."""
    parts = _sections(source.removeprefix("\ufeff"))  # a byte order mark (VS Code's "UTF-8 with BOM") is not text
    if "Your answer" not in parts:
        raise WrittenFailure([Failure(f"{path.as_posix()} lost its '## Your answer' heading; put it back above "
                                      "your answer.", cause="layout")])
    answer = Answer(path, "\n".join(parts["Your answer"]).strip())
    for line in parts.get("Check yourself", []):
        mark = _task_line(line)
        if mark:
            answer.marks[_squash(mark[1])] = mark[0]
    for line in parts.get("Fill in the blanks", []):
        blank = _blank_line(line)
        if blank:
            answer.blanks[_squash(blank[0])] = blank[1]
    lines, code = parts.get("Predict the output", []), None
    for n, line in enumerate(lines):
        if line.strip().startswith("```"):
            if code is None:
                code = []
            else:
                answer.predictions[_code_key("\n".join(code))] = next(
                    (found for later in lines[n + 1:] if (found := _output_line(later)) is not None), "")
                code = None
        elif code is not None:
            code.append(line)
    return answer


def decode(raw: bytes, path: Path) -> str:
    """The file's text; a byte that is not UTF-8 fails with its position, never a traceback."""
    try:
        return files.decode(raw, path.as_posix())
    except files.BadBytes as err:
        raise WrittenFailure([Failure(str(err), cause="encoding")]) from None


def read_answer(root: Path, impl: str, name: str) -> Answer:
    path = root / impl / f"{name}.md"
    rel = path.relative_to(root)
    if not path.is_file():
        raise WrittenFailure([Failure(f"{rel.as_posix()} does not exist. `katas reset {name[:3]}` restores it.",
                                      cause="missing")])
    answer = parse(decode(path.read_bytes(), rel), rel)
    if answer.untouched:
        raise AnswerNotStarted(f"{rel.as_posix()} is untouched: write your answer, tick the true statements"
                               + (", fill in the blanks" if answer.blanks or answer.predictions else "") + ".")
    return answer


# Judging: each function returns the failures, so the self-test can call them without pytest ---------


def judge_written(answer: Answer) -> list[Failure]:
    text = answer.text.replace(PLACEHOLDER, "").strip()
    if PLACEHOLDER in answer.text and text:
        return [Failure(f"{answer.path.as_posix()}: your answer is there, but so is the placeholder line "
                        f"'{PLACEHOLDER}'. Delete that line.", cause="answer")]
    if len(re.findall(r"[^\W\d_]{2,}", text)) < 3:
        return [Failure(f"{answer.path.as_posix()}: 'Your answer' is not written yet. Explain it in your own words, "
                        "one sentence or more; `katas review` compares it with ours once the kata passes.",
                        cause="answer")]
    return []


def judge_statements(answer: Answer, statements: tuple[Statement, ...]) -> list[Failure]:
    where = answer.path.as_posix()
    known = {_squash(s.text): s for s in statements}
    missing = [s for key, s in known.items() if key not in answer.marks]
    strange = [text for text in answer.marks if text not in known]
    failures = []
    if missing or strange:
        edited = f" ('{strange[0][:60]}…' is not one of them)" if strange else ""
        failures.append(Failure(
            f"{where}: {len(missing)} of the {len(statements)} statements under 'Check yourself' are missing or were "
            f"edited{edited}. Keep each statement as it is and change only `[ ]` to `[x]`; "
            f"`katas reset {answer.path.stem[:3]}` restores the file (yours is kept as a backup).", cause="statements"))
    wrong = [s for key, s in known.items() if key in answer.marks and answer.marks[key] != s.true]
    if wrong:
        ideas = list(dict.fromkeys(s.idea for s in wrong))
        counts = [sum(s.idea == idea for s in wrong) for idea in ideas]
        about = "; ".join(f"{'one' if n == 1 else n} about {idea}" for n, idea in zip(counts, ideas, strict=True))
        failures.append(Failure(
            f"{where}: {len(wrong)} of your {len(statements)} marks under 'Check yourself' "
            f"{'is' if len(wrong) == 1 else 'are'} not right yet: {about}. Read those statements again, word by word: "
            "tick one only when all of it is true.", cause="statements"))
    return failures


# Hedges and echoes a careful learner adds around a right answer: "about 10", "~10", "exactly once",
# "you should decrease it slightly". Only whole leading or trailing words are stripped, and never a word that
# changes the meaning: "not 2", "at least 10", "2 or 4" and "decrease, not increase" keep their extra words,
# so they stay wrong (the self-test proves it).
# Kept as word lists, not patterns: each pass drops whole words from either end, so the cost stays linear in the
# length of the answer ("about " repeated 10^5 times included).
_HEDGE = tuple(tuple(h.split()) for h in (
    "about", "around", "roughly", "approximately", "approx", "approx.", "nearly", "close to", "circa", "ca.", "~",
    "≈", "exactly", "just", "only", "precisely", "you should", "we should", "you would", "we would", "i would",
    "should", "you", "we", "to", "it", "the"))
_TRAILING = tuple(tuple(t.split()) for t in (
    "it", "its value", "the weight", "the element", "the elements value", "the weights value", "the value",
    "that element", "that weight", "slightly", "a little", "a bit", "a tiny bit", "a little bit", "by a little",
    "by a small amount"))
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$")  # one way to split digits: linear


_HEDGE_AT: dict[str, list[tuple[str, ...]]] = {}  # by first (last) word: each pass costs a lookup or two
_TRAILING_AT: dict[str, list[tuple[str, ...]]] = {}
for _h in _HEDGE:
    _HEDGE_AT.setdefault(_h[0], []).append(_h)
for _t in _TRAILING:
    _TRAILING_AT.setdefault(_t[-1], []).append(_t)


def _unhedged(words: list[str]) -> list[str]:
    """The words without hedges in front and echoes at the end, one of each per pass, while any word is left."""
    start, end = 0, len(words)
    while start < end:
        front = back = 0
        for h in _HEDGE_AT.get(words[start], ()):  # the first that fits, in _HEDGE's order
            if tuple(words[start:start + len(h)]) == h:
                front = len(h)
                break
        for t in _TRAILING_AT.get(words[end - 1], ()):  # the longest that fits and leaves a word before it
            if back < len(t) < end - start - front and tuple(words[end - len(t):end]) == t:
                back = len(t)
        if not (front or back) or start + front >= end - back:
            break
        start, end = start + front, end - back
    return words[start:end]


def _number(text: str) -> str:
    """A number in one spelling: 2, 2.0, +2 and 2. are "2"; 1e-5 and 0.00001 are "1e-05". Other text unchanged."""
    if not _NUMBER.match(text):
        return text
    value = float(text)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def normalise(value: str) -> str:
    """A blank's answer in a comparable form: case, punctuation, "two", "2x", "2 times", "2.0" and "+2" all become
    "2"; hedges ("about", "~", "exactly") and echoes of the question ("decrease it slightly") are dropped."""
    text = value.lower().replace(BLANK, " ").replace("−", "-").strip()  # a typographic minus is a minus
    text = re.sub(r"[`*\"'“”‘’]", "", text).replace("≈", "≈ ").replace("~", "~ ")
    text = text.rstrip(".,;:!?").strip()  # not a regex: a long run of dots costs linear time
    words = NUMBER_WORDS | {"twice": "2 times", "double": "2 times", "doubled": "2 times", "once": "1 times"}
    text = " ".join(_unhedged(" ".join(words.get(w, w) for w in text.split()).split()))
    text = re.sub(r"^(?:x\s*)?([-+]?\d+(?:\.\d+)?)\s*(?:x|×|times?)?(?:\s+as\s+(?:large|big|much))?$", r"\1", text)
    return _number(" ".join(text.split()))


def accepted(value: str, accept: tuple[str, ...]) -> bool:
    """Whether a blank's answer is one of the accepted answers, compared normalised."""
    return normalise(value) in {normalise(a) for a in accept}


def judge_blanks(answer: Answer, blanks: tuple[Blank, ...]) -> list[Failure]:
    failures = []
    for blank in blanks:
        value = answer.blanks.get(_squash(blank.prompt))
        if value is None:
            failures.append(Failure(f"{answer.path.as_posix()}: the blank about {blank.about} is missing or its line "
                                    "was edited. Keep the line and replace only ____ with your answer.",
                                    cause="blanks"))
        elif not _filled(value):
            failures.append(Failure(f"{answer.path.as_posix()}: the blank about {blank.about} is still empty.",
                                    cause="blanks"))
        elif not accepted(value, blank.accept):
            wanted = f" It wants {blank.form}." if blank.form else ""
            failures.append(Failure(f"{answer.path.as_posix()}: the blank about {blank.about} is not right yet "
                                    f"(you wrote '{value}').{wanted}", cause="blanks"))
    return failures


def run_snippet(code: str) -> str:
    """What the snippet prints (it runs in a fresh namespace with torch imported). torch.optim.SGD is
    katakit's EagerSGD while it runs: the same numbers, without the second or more that the real step()
    spends importing torch._dynamo on first use."""
    import torch

    from katakit.quick_optim import EagerSGD

    out, real = io.StringIO(), torch.optim.SGD
    torch.optim.SGD = EagerSGD
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<snippet>", "exec"), {"torch": torch, "__name__": "__snippet__"})  # noqa: S102
    finally:
        torch.optim.SGD = real
    return out.getvalue().strip()


_IGNORED = {"tensor", "torch", "size"}


def output_tokens(text: str) -> list[object]:
    """Numbers and words of a printed line, for comparing a prediction: spacing, brackets and
    `tensor(...)`/`torch.Size(...)` wrappers do not matter, 2. equals 2.0, True equals true."""
    tokens: list[object] = []
    for number, word in re.findall(r"([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)|([A-Za-z_][A-Za-z_0-9]*)", text):
        if number:
            tokens.append(float(number))
        elif word.lower() not in _IGNORED:
            tokens.append(word.lower())
    return tokens


def same_output(predicted: str, printed: str) -> bool:
    a, b = output_tokens(normalise_words(predicted)), output_tokens(printed)
    return len(a) == len(b) and all(
        abs(x - y) <= 1e-3 * max(1.0, abs(y)) if isinstance(x, float) and isinstance(y, float) else x == y
        for x, y in zip(a, b, strict=True))


def normalise_words(text: str) -> str:
    """A prediction with its number words as digits ("two" is 2)."""
    return " ".join(NUMBER_WORDS.get(w.lower(), w) for w in text.replace(BLANK, " ").strip(" `").split())


def judge_predictions(answer: Answer, snippets: tuple[Snippet, ...], printed: dict[str, str] | None = None
                      ) -> list[Failure]:
    """`printed` maps a snippet's code to its output (computed here by running it when not given)."""
    failures = []
    for snippet in snippets:
        value = answer.predictions.get(_code_key(snippet.code))
        where = f"{answer.path.as_posix()}: your prediction for the snippet about {snippet.about}"
        if value is None:
            failures.append(Failure(f"{answer.path.as_posix()}: the snippet about {snippet.about} is missing or its "
                                    "code was edited. Keep the code as it is; write only after **Output:**.",
                                    cause="predictions"))
        elif not _filled(value):
            failures.append(Failure(f"{where} is still empty.", cause="predictions"))
        elif not same_output(value, (printed or {}).get(snippet.code) or run_snippet(snippet.code)):
            failures.append(Failure(f"{where} is not what it prints (you wrote '{value}'). {snippet.nudge}".rstrip(),
                                    cause="predictions"))
    return failures


def judge(answer: Answer, key: Key) -> list[Failure]:
    """Everything wrong with a written part (empty when it passes): the self-test's entry point."""
    return (judge_written(answer) + judge_statements(answer, key.statements)
            + judge_blanks(answer, key.blanks) + judge_predictions(answer, key.snippets))


def _fail(failures: list[Failure]) -> None:
    __tracebackhide__ = True
    if failures:
        raise WrittenFailure(failures)


@pytest.mark.written
class Checks:
    """The written part's checks. A test module subclasses it with its key:

        class TestTheWrittenPart(written.Checks):
            key = KEY
    """

    key: Key

    def test_your_answer_is_written(self, answer):
        _fail(judge_written(answer))

    def test_every_statement_is_marked_right(self, answer):
        _fail(judge_statements(answer, self.key.statements))

    def test_every_blank_is_filled_in_right(self, answer):
        if not self.key.blanks:
            pytest.skip("this kata has no blanks")
        _fail(judge_blanks(answer, self.key.blanks))

    def test_every_prediction_matches_what_the_code_prints(self, answer):
        if not self.key.snippets:
            pytest.skip("this kata has no snippets")
        _fail(judge_predictions(answer, self.key.snippets))


def stub_of(reference: str) -> str:
    """The untouched stub of a written kata: the reference with its answer, ticks, blanks and outputs
    taken out. The self-test proves every stub is exactly this."""
    head, rest = reference.split("## Your answer", 1)
    tail = rest.split("\n## ", 1)[1] if "\n## " in rest else ""
    tail = re.sub(r"^(\s*[-*+]\s*)\[\s*[xX✓✔]\s*\]", r"\1[ ]", tail, flags=re.MULTILINE)
    tail = re.sub(r"^(\s*(?:[-*+]|\d+\.)\s.*\*\*Answer:\*\*).*$", rf"\1 {BLANK}", tail, flags=re.MULTILINE)
    tail = re.sub(r"^(\s*\*\*Output:\*\*).*$", rf"\1 {BLANK}", tail, flags=re.MULTILINE)
    return f"{head}## Your answer\n\n{PLACEHOLDER}\n" + (f"\n## {tail}" if tail else "")
