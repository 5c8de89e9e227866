"""Structured results: what each check found, carried as data from the test to the screen.

A Failure is one thing a check found wrong, with its cause: failures that share a cause are one mistake,
so they are shown once. A Check is one test; a KataResult is one kata. Formatting happens only in the
views; nothing here parses text. No torch here: the CLI reads results without importing it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

OUTCOMES = ("passed", "failed", "not_started", "error")


@dataclass
class Failure:
    message: str  # what was called, what came back, what was expected, one nudge
    cause: str = ""  # failures with the same cause are one mistake; empty: the message is its own cause

    @property
    def key(self) -> str:
        return self.cause or self.message


@dataclass
class Check:
    name: str  # the test name as a sentence
    outcome: str  # one of OUTCOMES
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "going further": stricter than the lesson, never a failure
    part: str = "code"  # "code" or "written": which file of a kata this check reads

    @property
    def message(self) -> str:
        return "\n".join(f.message for f in self.failures)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Check:
        return cls(data["name"], data["outcome"], [Failure(**f) for f in data.get("failures", [])],
                   list(data.get("notes", [])), data.get("part", "code"))


@dataclass
class KataResult:
    id: str
    status: str
    checks: list[Check] = field(default_factory=list)
    seed: int | None = None  # the tests' random data came from this seed (printed so a run can be repeated)
    output: str = ""  # what the kata's code printed, if anything (first lines only)
    facts: set[str] = field(default_factory=set)  # what the self-test's sabotage reported ("inputs mutated")

    @property
    def failed_checks(self) -> list[Check]:
        return [c for c in self.checks if c.outcome != "passed"]

    @property
    def notes(self) -> list[str]:
        return list(dict.fromkeys(n for c in self.checks for n in c.notes))

    def parts(self) -> dict[str, str]:
        """The status of each part ("code", "written") of the kata."""
        return {part: status_of([c for c in self.checks if c.part == part])
                for part in dict.fromkeys(c.part for c in self.checks)}

    def causes(self) -> list[tuple[Failure, list[str]]]:
        """Each distinct cause once, in the order found, with the names of every check it made fail."""
        found: dict[str, tuple[Failure, list[str]]] = {}
        for check in self.failed_checks:
            for failure in check.failures or [Failure(f"{check.name}: {check.outcome}")]:
                first, names = found.setdefault(failure.key, (failure, []))
                if check.name not in names:
                    names.append(check.name)
        return list(found.values())


def status_of(checks: list[Check]) -> str:
    """One status for a kata: error beats failed beats not started; passed only when every check passed.

    A kata with nothing failed but something not started (a written part untouched while the code passes,
    or one function of two still a stub) is not started: there is nothing wrong in it yet.
    """
    outcomes = {c.outcome for c in checks}
    for status in ("error", "failed", "not_started"):
        if status in outcomes:
            return status
    return "passed" if outcomes else "error"
