"""Written-answer katas: read the learner's Markdown answer and check it against a rubric.

A written kata file has the question, an optional `Short answer: ...` line for a crisp answer,
and a `## Your answer` section that starts with a placeholder line the learner replaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pytest_check import check

PLACEHOLDER = "Write your answer here, in your own words."
SHORT_BLANK = "____"
MIN_WORDS, MAX_WORDS = 15, 300


class AnswerNotStarted(NotImplementedError):
    pass


@dataclass
class Answer:
    path: Path
    text: str  # the learner's words under "## Your answer"
    short: str | None  # the value after "Short answer ...:", lower-case, or None when the kata has none

    @property
    def words(self) -> int:
        return len(self.text.split())


def read_answer(root: Path, impl: str, name: str) -> Answer:
    path = root / impl / f"{name}.md"
    rel = path.relative_to(root)
    if not path.is_file():
        raise AssertionError(f"{rel} does not exist. `katas reset {name[:3]}` restores it.")
    source = path.read_text(encoding="utf-8")
    short = re.search(r"^Short answer[^:\n]*:[ \t]*(.*)$", source, re.MULTILINE)
    if "## Your answer" not in source:
        raise AssertionError(f"{rel} lost its '## Your answer' heading; put it back above your answer.")
    body = source.split("## Your answer", 1)[1].strip()
    if body == PLACEHOLDER and (short is None or short.group(1).strip() in ("", SHORT_BLANK)):
        raise AnswerNotStarted(f"{rel} still holds the placeholder. Open it and write your answer.")
    return Answer(rel, body, short.group(1).strip().lower() if short else None)


def check_length(answer: Answer) -> None:
    """The placeholder is gone and the answer is a few sentences long."""
    __tracebackhide__ = True
    assert PLACEHOLDER not in answer.text, (
        f"{answer.path} still contains the placeholder line '{PLACEHOLDER}'. Delete it and keep your own words."
    )
    assert MIN_WORDS <= answer.words <= MAX_WORDS, (
        f"{answer.path}: your answer has {answer.words} words; aim for {MIN_WORDS}–{MAX_WORDS} "
        "(two to six sentences that would make sense to a classmate)."
    )


def check_concepts(answer: Answer, rubric: dict[str, str]) -> None:
    """Each rubric concept (a description → a regex of accepted phrasings) is reported on its own."""
    text = answer.text.lower()
    for concept, pattern in rubric.items():
        if not re.search(pattern, text):
            check.fail(f"{answer.path}: your answer does not yet mention {concept}.")


def check_short_answer(answer: Answer, expected: str, choices: str, nudge: str) -> None:
    """The crisp answer on the `Short answer` line."""
    __tracebackhide__ = True
    assert answer.short is not None, f"{answer.path} lost its 'Short answer' line; put it back."
    assert answer.short not in ("", SHORT_BLANK), (
        f"{answer.path}: fill in the 'Short answer' line ({choices})."
    )
    assert re.fullmatch(expected, answer.short.strip(" .*_`")), (
        f"{answer.path}: your short answer is '{answer.short}'. {nudge}"
    )
