"""Run the kata tests in this process and turn pytest's reports into one status per kata.

Statuses: not_started (the stub still raises NotImplementedError, or the answer placeholder is
untouched), failed, error (cannot be imported, timed out, a function is missing), passed.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from katakit import manifest


@dataclass
class Check:
    name: str  # the test name as a sentence
    outcome: str  # passed / failed / not_started / error
    message: str = ""


@dataclass
class KataResult:
    id: str
    status: str
    checks: list[Check] = field(default_factory=list)

    @property
    def failed_checks(self) -> list[Check]:
        return [c for c in self.checks if c.outcome != "passed"]


def sentence(test_name: str) -> str:
    return test_name.removeprefix("test_").replace("_", " ")


class _Recorder:
    """A pytest plugin that keeps one Check per test."""

    def __init__(self):
        self.checks: dict[str, list[Check]] = {}

    def pytest_runtest_logreport(self, report):
        match = re.search(r"test_(q\d\d)_\w*\.py::(\w+)", report.nodeid)
        if not match or (report.when == "call" and report.outcome == "skipped"):
            return
        if report.when != "call" and report.passed:
            return
        kata_id, test = match.groups()
        status = dict(report.user_properties).get("status")
        if report.passed:
            outcome = "passed"
        else:
            outcome = status or ("error" if report.when == "setup" else "failed")
        message = _message(report.longreprtext) if not report.passed else ""
        self.checks.setdefault(kata_id, []).append(Check(sentence(test), outcome, message))

    def pytest_collectreport(self, report):
        match = re.search(r"test_(q\d\d)_\w*\.py", report.nodeid)
        if match and report.failed:
            self.checks.setdefault(match.group(1), []).append(
                Check("the test module loads", "error", _message(report.longreprtext)))


def _message(text: str) -> str:
    """The teaching lines of a failure: pytest-check's FAILURE blocks, or the whole short report."""
    body = text.split("\n" + "-" * 60)[0]  # pytest-check's summary below the rule repeats the messages
    blocks = re.split(r"^FAILURE: ", body, flags=re.MULTILINE)[1:]
    if blocks:
        return "\n".join(block.strip() for block in blocks)
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(lines[-12:])


def status_of(checks: list[Check]) -> str:
    if not checks:
        return "error"
    outcomes = {c.outcome for c in checks}
    if outcomes == {"passed"}:
        return "passed"
    if "error" in outcomes:
        return "error"
    if outcomes == {"not_started"}:
        return "not_started"
    return "failed"


def run(ids: list[str] | None = None, impl: str = "katas", root: Path | None = None,
        mutant: Path | list[Path] | None = None, extra_args: tuple[str, ...] = ()) -> dict[str, KataResult]:
    """Check the given katas (default: all) and return their results in manifest order.

    `mutant` (self-test): a known-wrong file, or a list with at most one per kata, laid over the reference.
    """
    root = root or manifest.find_root()
    katas = manifest.load(root)
    chosen = [k for k in katas if ids is None or k.id in ids]
    files = [str(root / k.test_file) for k in chosen if (root / k.test_file).is_file()]
    recorder = _Recorder()
    # --tb=line: the conftest hook writes each failure's message, so pytest's traceback formatting is wasted time
    args = [*files, f"--impl={impl}", "-q", "--tb=line", f"--rootdir={root}", *extra_args]
    if os.environ.get("KATAS_TIMEOUT"):  # seconds one check may run (default 10, see conftest.py)
        args.append(f"--kata-timeout={os.environ['KATAS_TIMEOUT']}")
    for path in [mutant] if isinstance(mutant, (str, Path)) else mutant or []:  # at most one per kata
        args.append(f"--mutant={path}")
    if files:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            pytest.main(args, plugins=[recorder])
    results = {}
    for k in chosen:
        checks = recorder.checks.get(k.id, [])
        if not (root / k.test_file).is_file():
            checks = [Check("the kata has tests", "error", f"{k.test_file} does not exist yet.")]
        results[k.id] = KataResult(k.id, status_of(checks), checks)
    return results
