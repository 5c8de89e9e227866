"""The kata switch and loader, in the plain pytest-docs pattern.

`pytest` checks your files in katas/; `pytest --impl=reference` checks the solved files in reference/.
Each test module tests/test_<name>.py gets the kata <name> through the `kata` fixture (code) or the
`answer` fixture (written). A kata that cannot be loaded fails only its own tests.

Learner code never runs in this process: katakit.supervisor runs each kata's checks in a worker
process and kills it by wall clock. Each check's result is recorded as data (katakit.results.Check,
in the report's user_properties), so the `katas` command never parses text.
"""

import functools
import hashlib
from pathlib import Path

import pytest

from katakit import checks, loader, mistakes, quick_optim, sabotage, supervisor, written
from katakit.results import Check, Failure

pytest_plugins = ["katakit.supervisor"]

ROOT = Path(__file__).parent
quick_optim.skip_dynamo_import()  # the whole run stays near the cost of `import torch`
quick_optim.eager_sgd_step()
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
    group.addoption("--kata-seed", type=int, default=None,
                    help="seed for the tests' random data (default: derived from your kata file's content, "
                         "so the same file always gets the same data; 0 for the reference)")
    group.addoption("--kata-shuffle", type=int, default=None, metavar="SEED",
                    help="check the katas, and each kata's checks, in a random order drawn from SEED (the self-test "
                         "proves order does not matter)")


def pytest_report_header(config):
    mutants = config.getoption("mutant")
    under_test = f"mutants {', '.join(map(str, mutants))}" if mutants else IMPLS[config.getoption("impl")]
    return f"implementation under test: {under_test}"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name.startswith("test_q"):  # the report hook writes the message; skip pytest's traceback
            item.repr_failure = item._repr_failure_py = _plain_failure


def _plain_failure(excinfo, style=None) -> str:
    return f"{excinfo.typename}: {excinfo.value}"


def _kata_name(node) -> str:
    return node.path.stem.removeprefix("test_")  # tests/test_q13_mse.py checks q13_mse


def _mutant_for(request) -> Path | None:
    return next((m for m in request.config.getoption("mutant") if m.parent.name == _kata_name(request)), None)


@pytest.fixture(scope="module")
def kata(request):
    """The kata module under test, loaded fresh from katas/, reference/ or a mutant."""
    config = request.config
    return loader.load_kata(ROOT, config.getoption("impl"), _kata_name(request),
                            mutant=_mutant_for(request), sabotage=config.getoption("sabotage"))


@pytest.fixture(scope="module")
def answer(request):
    """The written answer under test (katas/<name>.md or reference/<name>.md), parsed."""
    impl = "reference" if request.config.getoption("mutant") else request.config.getoption("impl")
    return written.read_answer(ROOT, impl, _kata_name(request))


def kata_seed(config, kata_name: str) -> int:
    """The seed of a kata's random data: --kata-seed, 0 for the reference, else from the kata file's content
    (the same file gets the same data; a table of outputs recorded from one version does not fit the next)."""
    if config.getoption("kata_seed") is not None:
        return config.getoption("kata_seed")
    if config.getoption("impl") != "katas":
        return 0
    paths = _kata_files(kata_name, (ROOT / "katas").stat().st_mtime_ns)
    return _content_seed(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths))


@functools.lru_cache(maxsize=64)
def _kata_files(kata_name: str, folder_version: int) -> list[Path]:  # once per version of the folder's listing
    return sorted((ROOT / "katas").glob(f"{kata_name}.*"))


@functools.lru_cache(maxsize=64)
def _content_seed(versions: tuple) -> int:  # once per version of the files, not once per check
    digest = hashlib.sha256()
    for path, *_ in versions:
        digest.update(Path(path).read_bytes())
    return int(digest.hexdigest()[:8], 16) % 100_000


@pytest.fixture
def seed(request) -> int:
    """The base seed for a test's random data; tests add small offsets for independent draws."""
    return kata_seed(request.config, _kata_name(request))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    checks.start_check()


@pytest.hookimpl(wrapper=True, tryfirst=True)  # outermost: sees the test's own exception, runs after pytest-check
def pytest_runtest_makereport(item, call):
    """Record each check as data (outcome, failures with their causes, notes) and show it as plain text."""
    error = call.excinfo.value if call.excinfo else None
    report = yield
    if not item.path.name.startswith("test_q") or (call.when == "teardown" and report.passed):
        return report
    found = checks.take_failures()
    outcome, failures = _outcome(item, error, found)
    skipper = _kata_skipped(item, error) if report.skipped else None
    if skipper:  # pytest.skip() (or xfail, or unittest's SkipTest) from the kata's code is no way out of a check
        outcome, failures = "failed", [Failure(skipper, cause="skipped its check")]
    elif report.skipped or (call.when != "call" and outcome == "passed"):
        return report
    if outcome != "passed":
        report.outcome = "failed"
        report.longrepr = "\n".join(f.message for f in failures)
    part = "written" if item.get_closest_marker("written") else "code"
    record = Check(supervisor.sentence(item), outcome, failures, checks.take_notes(), part)
    report.user_properties.append(("katas", record.to_dict()))
    if _kata_name(item) in sabotage.MUTATED:  # self-test: the bad-input matrix did change this kata's inputs
        report.user_properties.append(("katas_fact", "inputs mutated"))
    from_file = item.config.getoption("kata_seed") is None and item.config.getoption("impl") == "katas"
    if from_file and item.funcargs.get("seed") is not None:  # printed so the learner can repeat this run
        report.user_properties.append(("katas_seed", item.funcargs["seed"]))
    return report


def _kata_skipped(item, error) -> str | None:
    """The message for a skip raised in the kata's own code, or None when the check itself skipped."""
    module = getattr(getattr(item, "funcargs", {}).get("kata"), "module", None)
    if module is None:
        return None
    # the kata's file, and wherever its functions came from (a mutant's, laid over the reference)
    where = {module.__file__} | {f.__code__.co_filename for f in vars(module).values()
                                 if hasattr(f, "__code__") and getattr(f, "__module__", None) == module.__name__}
    tb = getattr(error, "__traceback__", None)
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in where:
            raised = {"Skipped": "pytest.skip()", "XFailed": "pytest.xfail()"}.get(type(error).__name__,
                                                                                 type(error).__name__)
            return (f"{loader.LAST_CALL[0]} raised {raised} ({str(error)[:200] or 'no reason given'}): "
                    "a skip from your code would only hide the check. Return a value instead.")
        tb = tb.tb_next
    return None


def _outcome(item, error, found: list[Failure]) -> tuple[str, list[Failure]]:
    """The check's outcome and what it found, from the expect() failures and the exception, if any."""
    if error is None or isinstance(error, pytest.skip.Exception):
        return ("failed" if found else "passed"), found
    if isinstance(error, written.AnswerNotStarted):
        return "not_started", [Failure(f"not started: {error}", cause="not started")]
    kata_file = ROOT / "katas" / f"{_kata_name(item)}.py"
    if isinstance(error, NotImplementedError) and mistakes.stub_raised(error, kata_file):
        # only the shipped stub's own raise means "not started"; torch's (a Module without forward) is a failure
        return "not_started", [Failure(f"not started: katas/{kata_file.name} still raises NotImplementedError "
                                       f"({error}). Replace the TODO line with your code.", cause="not started")]
    if isinstance(error, written.WrittenFailure):
        return "failed", found + error.failures
    if isinstance(error, (loader.KataLoadError, loader.MissingFunction)):
        return "error", [Failure(str(error), cause=str(error))]
    if isinstance(error, AssertionError) and str(error):
        return "failed", found + [Failure(str(error), cause=getattr(error, "cause", ""))]
    if isinstance(error, pytest.fail.Exception):
        return "failed", found + [Failure(str(error.msg))]
    return "failed", found + [mistakes.explain_crash(error, ROOT)]
