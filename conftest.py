"""The kata switch and loader, in the plain pytest-docs pattern.

`pytest` checks your files in katas/; `pytest --impl=reference` checks the solved files in reference/.
Each test module tests/test_<name>.py gets the kata <name> through the `kata` fixture (code) or the
`answer` fixture (written). A kata that cannot be loaded fails only its own tests.
"""

import random
import signal
import traceback
from pathlib import Path

import pytest
import torch

from katakit import loader, mistakes, quick_optim, sabotage, written

ROOT = Path(__file__).parent
quick_optim.skip_dynamo_import()  # the whole run stays near the cost of `import torch`
IMPLS = {"katas": "katas/ (your solutions)", "reference": "reference/ (the solved files)"}


def pytest_addoption(parser):
    group = parser.getgroup("katas")
    group.addoption("--impl", choices=sorted(IMPLS), default="katas",
                    help="which implementation to check: katas (yours, default) or reference")
    group.addoption("--mutant", type=Path, action="append", default=[],
                    help="self-test only: check the reference with this known-wrong file laid over it "
                         "(mutants/<kata>/<mistake>.py; repeat it for other katas)")
    group.addoption("--sabotage", choices=sorted(sabotage.KINDS), default=None,
                    help="self-test only: make every kata function misbehave this way (the bad-input matrix)")
    group.addoption("--kata-seed", type=int, default=0,
                    help="base seed for the tests' random data (the self-test proves many seeds pass)")
    group.addoption("--kata-shuffle", type=int, default=None, metavar="SEED",
                    help="run the tests in a random order drawn from SEED (the self-test proves order does not matter)")
    group.addoption("--kata-timeout", type=float, default=10.0,
                    help="seconds one test may run before it fails as a timeout (default 10)")


def pytest_report_header(config):
    mutants = config.getoption("mutant")
    under_test = f"mutants {', '.join(map(str, mutants))}" if mutants else IMPLS[config.getoption("impl")]
    return f"implementation under test: {under_test}"


def pytest_collection_modifyitems(config, items):
    seed = config.getoption("kata_shuffle")
    if seed is not None:
        random.Random(seed).shuffle(items)


def _kata_name(node) -> str:
    return node.path.stem.removeprefix("test_")  # tests/test_q13_mse.py checks q13_mse


def _mutant_for(request) -> Path | None:
    return next((m for m in request.config.getoption("mutant") if m.parent.name == _kata_name(request)), None)


@pytest.fixture(scope="module")
def kata(request):
    """The kata module under test, loaded fresh from katas/, reference/ or a mutant."""
    config = request.config
    try:
        return loader.load_kata(ROOT, config.getoption("impl"), _kata_name(request),
                                mutant=_mutant_for(request), sabotage=config.getoption("sabotage"))
    except loader.KataLoadError as err:
        pytest.fail(str(err), pytrace=False)


@pytest.fixture(scope="module")
def answer(request):
    """The written answer under test (katas/<name>.md or reference/<name>.md), parsed."""
    impl = "reference" if request.config.getoption("mutant") else request.config.getoption("impl")
    return written.read_answer(ROOT, impl, _kata_name(request))


@pytest.fixture
def seed(request) -> int:
    """The base seed for a test's random data; tests add small offsets for independent draws."""
    return request.config.getoption("kata_seed")


class KataTimeout(BaseException):
    """BaseException, so that a learner's `except Exception:` cannot swallow it."""


TIMED_OUT = pytest.StashKey[set]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Each kata check runs under a time limit, and leaves autograd switched on for the next one."""
    if not item.path.name.startswith("test_q"):  # only kata checks run learner code; the self-test is not timed
        return (yield)
    limit = item.config.getoption("kata_timeout")
    timed_out = item.config.stash.setdefault(TIMED_OUT, set())
    if item.path in timed_out:  # one hang per kata is enough; keep the whole run bounded
        raise KataTimeout("not run: an earlier check of this kata timed out (a loop that never ends?)")

    def on_alarm(signum, frame):
        timed_out.add(item.path)
        raise KataTimeout(f"timed out: the check ran longer than {limit:g} s. "
                          "Is there a loop that never ends, or far too many epochs?")

    alarm = hasattr(signal, "SIGALRM") and limit > 0  # no SIGALRM on Windows: no time limit there
    if alarm:
        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return (yield)
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        torch.set_grad_enabled(True)  # a kata that switched autograd off must not do it for the checks after it


@pytest.hookimpl(wrapper=True, tryfirst=True)  # outermost: runs after pytest-check has written its report
def pytest_runtest_makereport(item, call):
    """Turn the learner's exceptions into one plain paragraph instead of a traceback wall."""
    report = yield
    if call.excinfo is None or report.passed:
        return report
    error = call.excinfo.value
    status = None
    if isinstance(error, NotImplementedError):
        status = "not_started"
        message = f"not started: {error}" if isinstance(error, written.AnswerNotStarted) else (
            f"not started: katas/{_kata_name(item)}.py still raises NotImplementedError ({error}). "
            "Replace the TODO line with your code.")
    elif isinstance(error, (KataTimeout, loader.MissingFunction)):
        status, message = "error", str(error)
    elif isinstance(error, AssertionError) and str(error).startswith("FAILURE: "):
        # pytest-check's failures, then the test crashed: keep the failures and the crash's last line
        failures, *rest = str(error).split("\n" + "-" * 60)
        crash = [line[1:].strip() for line in rest[-1].splitlines() if line.startswith("E ")] if len(rest) > 1 else []
        report.longrepr = failures + (f"\nFAILURE: then the check crashed: {crash[-1]}" if crash else "")
        return report
    elif isinstance(error, AssertionError) and str(error):
        message = str(error).split("\nassert ")[0]  # the teaching message, without pytest's introspection
    elif not isinstance(error, (AssertionError, pytest.fail.Exception, pytest.skip.Exception)):
        message = _explain_crash(error, call.excinfo)
    else:
        return report
    if status:
        report.user_properties.append(("status", status))
    text = report.longreprtext
    checks = text[text.index("FAILURE: "):].split("\n" + "-" * 60)[0] if "\nFailed Checks: " in text else ""
    report.longrepr = f"{checks}\nFAILURE: {message}" if checks else message  # keep earlier pytest-check failures
    return report


def _explain_crash(error, excinfo) -> str:
    """A learner's function raised: say what was called, where it broke, and the known mistake if any."""
    where = ""
    for frame in reversed(traceback.extract_tb(excinfo.tb)):
        path = Path(frame.filename)
        if path.is_relative_to(ROOT) and path.relative_to(ROOT).parts[0] in ("katas", "reference", "mutants", "variants"):
            where = f"\n  at {path.relative_to(ROOT)}, line {frame.lineno}: {frame.line}"
            break
    known = mistakes.explain(error)
    lead = f"{known}\n" if known else ""
    return (f"{lead}Called {loader.LAST_CALL[0]} -> it raised {type(error).__name__}: {error}{where}")
