"""Check katas with pytest (learner code runs in worker processes, see katakit.supervisor) and collect
one KataResult per kata from the structured records the conftest attaches to each report.

Statuses: not_started (a stub still raises NotImplementedError, or a written part is untouched),
failed, error (cannot be loaded, timed out, ended its worker, a function is missing), passed.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from katakit import manifest, quiz
from katakit.results import Check, Failure, KataResult, status_of
from katakit.written import FIRST_TRY


class _Recorder:
    """A pytest plugin that keeps one Check per test, read from the report's user_properties."""

    def __init__(self):
        self.checks: dict[str, list[Check]] = {}
        self.seen: set[str] = set()  # one Check per test: a teardown error after a failed setup is the same check
        self.seeds: dict[str, int] = {}
        self.output: dict[str, list[str]] = {}
        self.facts: dict[str, set[str]] = {}  # self-test facts the checks reported ("inputs mutated")
        self.first_tries: dict[str, list] = {}  # written items the checks found filled in (see written.Checks)

    def forget(self, ids: list[str]) -> None:
        """Drop what was recorded for these katas (they are about to be checked again)."""
        for kata_id in ids:
            for store in (self.checks, self.seeds, self.output, self.facts, self.first_tries):
                store.pop(kata_id, None)
        self.seen = {nodeid for nodeid in self.seen if not any(f"test_{i}_" in nodeid for i in ids)}

    def pytest_runtest_logreport(self, report):
        match = re.search(r"test_(q\d\d)_\w*\.py::", report.nodeid)
        if not match:
            return
        kata_id = match.group(1)
        properties = {name: value for name, value in report.user_properties}
        if "katas_fact" in properties:
            self.facts.setdefault(kata_id, set()).add(properties["katas_fact"])
        if "katas_seed" in properties:
            self.seeds[kata_id] = properties["katas_seed"]
        if isinstance(properties.get(FIRST_TRY), list):
            self.first_tries.setdefault(kata_id, []).extend(properties[FIRST_TRY])
        for title, content in report.sections:
            if "stdout" in title and content.strip():
                self.output.setdefault(kata_id, []).extend(content.rstrip().splitlines())
        if report.nodeid in self.seen or not ("katas" in properties or report.failed):
            return
        self.seen.add(report.nodeid)
        if "katas" in properties:
            self.checks.setdefault(kata_id, []).append(Check.from_dict(properties["katas"]))
        else:  # a failure outside the conftest's hook (pytest itself): keep its text
            name = report.nodeid.split("::")[-1].removeprefix("test_").replace("_", " ")
            self.checks.setdefault(kata_id, []).append(
                Check(name, "error", [Failure(_last_lines(report.longreprtext))]))

    def pytest_collectreport(self, report):
        match = re.search(r"test_(q\d\d)_\w*\.py", report.nodeid)
        if match and report.failed:
            self.checks.setdefault(match.group(1), []).append(
                Check("the test module loads", "error", [Failure(_last_lines(report.longreprtext))]))


def _last_lines(text: str, n: int = 12) -> str:
    return "\n".join([line for line in text.splitlines() if line.strip()][-n:])


def pytest_args(root: Path, files: list[str], impl: str, extra_args: tuple[str, ...] = ()) -> list[str]:
    """The pytest command line the `katas` command uses: only the shipped configuration counts
    (a pytest.ini, tox.ini or setup.cfg a learner adds is ignored), and no terminal output (the results are
    read from the reports, and pytest's own printing would only cost time)."""
    args = [*files, f"--impl={impl}", "-p", "no:terminal", f"--rootdir={root}",
            f"--config-file={root / 'pyproject.toml'}", *extra_args]
    if os.environ.get("KATAS_TIMEOUT"):  # seconds one check may run (default 10, see katakit/supervisor.py)
        args.append(f"--kata-timeout={os.environ['KATAS_TIMEOUT']}")
    return args


def _results(root: Path, chosen: list, recorder: _Recorder) -> dict[str, KataResult]:
    results = {}
    for k in chosen:
        checks = recorder.checks.get(k.id, [])
        if not (root / k.test_file).is_file():
            checks = [Check("the kata has tests", "error", [Failure(f"{k.test_file} does not exist yet.")])]
        results[k.id] = KataResult(k.id, status_of(checks), checks, recorder.seeds.get(k.id),
                                   "\n".join(recorder.output.get(k.id, [])[:20]), recorder.facts.get(k.id, set()))
    return results


class _Warm:
    """Makes the session warm: the supervisor hands `body` a function that checks katas again on demand."""

    def __init__(self, body):
        self.body = body

    def pytest_configure(self, config):
        config.katas_warm = self.body


def warm(body, root: Path | None = None, extra_args: tuple[str, ...] = (), redirect: bool = True):
    """Collect every kata's tests once, then call body(check): check(ids, **options) checks those katas again
    (each time in fresh workers, so every save is read anew) and returns their results. `options` change
    pytest options for that check only: impl="reference", mutant=[paths], sabotage="none", kata_seed=3,
    kata_shuffle=3, kata_timeout=1. For `katas watch` and the self-test: no pytest start-up per check.
    Returns what body returns."""
    root = root or manifest.find_root()
    katas = manifest.load(root)
    files = [str(root / k.test_file) for k in katas if (root / k.test_file).is_file()]
    recorder, outcome, failure = _Recorder(), [], []

    def check(run_paths):
        def again(ids: list[str] | None = None, **options) -> dict[str, KataResult]:
            chosen = [k for k in katas if ids is None or k.id in ids]
            recorder.forget([k.id for k in chosen])
            if "mutant" in options:
                options["mutant"] = [Path(m) for m in options["mutant"]]
            run_paths([root / k.test_file for k in chosen], options)
            quiz.record_first_tries(root, recorder.first_tries)  # here, never in a worker: learner code runs there
            return _results(root, chosen, recorder)
        try:
            outcome.append(body(again))
        except Exception as err:  # pytest would swallow it as an internal error: hand it back to the caller
            failure.append(err)

    saved = os.environ.pop("PYTEST_ADDOPTS", None)
    quiet = (contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO())) if redirect else ()
    try:
        with contextlib.ExitStack() as stack:
            for context in quiet:  # (not in a notebook's background thread: it would silence the notebook)
                stack.enter_context(context)
            pytest.main(pytest_args(root, files, "katas", extra_args), plugins=[recorder, _Warm(check)])
    finally:
        if saved is not None:
            os.environ["PYTEST_ADDOPTS"] = saved
    if failure:
        raise failure[0]
    return outcome[0] if outcome else None


def run(ids: list[str] | None = None, impl: str = "katas", root: Path | None = None,
        mutant: Path | list[Path] | None = None, extra_args: tuple[str, ...] = (), record: bool = True
        ) -> dict[str, KataResult]:
    """Check the given katas (default: all) and return their results in manifest order.

    `mutant` (self-test): a known-wrong file, or a list with at most one per kata, laid over the reference.
    `record` False: keep no first tries (a CI run reads the learner's journal; its own check is no try).
    """
    root = root or manifest.find_root()
    katas = manifest.load(root)
    chosen = [k for k in katas if ids is None or k.id in ids]
    files = [str(root / k.test_file) for k in chosen if (root / k.test_file).is_file()]
    mutants = [mutant] if isinstance(mutant, (str, Path)) else mutant or []
    args = pytest_args(root, files, impl, (*extra_args, *(f"--mutant={path}" for path in mutants)))
    recorder = _Recorder()
    if files:
        saved = os.environ.pop("PYTEST_ADDOPTS", None)  # options from the environment are not the shipped ones
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                pytest.main(args, plugins=[recorder])
        finally:
            if saved is not None:
                os.environ["PYTEST_ADDOPTS"] = saved
    if record:  # here, never in a worker: learner code runs there
        quiz.record_first_tries(root, recorder.first_tries)
    return _results(root, chosen, recorder)
