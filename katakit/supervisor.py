"""Run the katas' checks in worker processes, under a wall clock; the rest of the code never sees a process.

This pytest plugin takes over collecting and running the kata tests (tests/test_qNN_*.py). It starts
workers: forks of this warm process (torch, pytest and the tests' helpers already imported) where fork
exists, else fresh `python -m pytest` processes (Windows). Each worker collects a share of the katas' test
modules itself (so collection runs in parallel too), runs their checks one kata after another, and sends
each report back as JSON; this process feeds the reports to pytest as if it had run them, so `pytest`, the
`katas` command and its JSON report all see the same results. Learner code runs only in workers.

- A check (loading the kata included) that outlives --kata-timeout is stopped: SIGTERM, then SIGKILL.
- A worker that exits, is killed, crashes or runs out of memory costs only the kata it was running: that
  kata's check and the ones after it get an `error` saying what happened; its remaining katas go to a fresh
  worker, and the run goes on.
- Nothing crosses from one kata to the next: after each kata the worker puts back the global state
  (katakit.guard.GlobalState), and it retires, leaving the rest to a fresh worker, when a kata patched the
  checking machinery, read the reference, left threads running or broke the process (closed streams). (A
  worker per kata would cost a fork each: measured, that made the whole run about 1.5 times slower.)
- Up to --kata-workers workers run at once; reports are replayed in kata order, so output is stable.
- A warm session (katakit.run.warm: `katas watch`, a notebook, the self-test) collects once in this process
  and hands the collected checks to each new worker.
"""

from __future__ import annotations

import faulthandler
import gc
import json
import os
import queue
import random
import secrets
import selectors
import signal
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from _pytest.reports import CollectReport, TestReport
from _pytest.runner import runtestprotocol

from katakit import environment
from katakit.results import Check, Failure

GRACE = 0.3  # seconds between SIGTERM and SIGKILL
STARTUP = 120.0  # seconds a worker may take to start and collect its katas (a spawned one imports torch first)
SECTION_LIMIT = 4000  # characters of captured output kept per report section
MESSAGE_LIMIT = 4000  # characters of any one text a worker sends (an exception's message, a failure's text)
LINE_LIMIT = 8 << 20  # bytes of one event line the supervisor accepts; a longer one is dropped, named
BATCH = 0.005  # seconds the supervisor lets events gather after a read: a worker's ~1000 events then wake it ~60
# times, not 1000 (each wake takes the CPU from a worker on a 2-core machine)
MEMORY_MB = 1024  # address space a worker may add (Linux), unless KATAS_MEMORY_MB says otherwise
DEFERRED = pytest.StashKey[list]()  # the kata test files (or node ids) the workers collect, not this process
SHARE = pytest.StashKey[set]()  # in a worker: the kata test files it collects
MACHINERY = pytest.StashKey[object]()  # the record of the checking machinery (katakit.guard.Machinery)


def pytest_addoption(parser):
    group = parser.getgroup("katas")
    group.addoption("--kata-timeout", type=_option(environment.seconds), default=10.0,
                    help="seconds one check (loading the kata included) may run before its worker is stopped "
                         "(default 10)")
    group.addoption("--kata-workers", type=_option(environment.count), default=None,
                    help="worker processes run at once (default: 2, or 1 on a single CPU)")
    group.addoption("--kata-start", choices=("fork", "spawn"), default=None,
                    help="how workers start: fork (default where available) or spawn (Windows; slower)")
    group.addoption("--kata-isolate", action="store_true", default=False,
                    help="a fresh worker for every kata, so that nothing one kata leaves in its process reaches "
                         "another (`katas ci` does this for each kata with your own code: about 15 ms more per kata here)")
    group.addoption("--katas-worker", default=None, help="internal: run as a spawned worker, sending events "
                    "prefixed with this token on stdout")


def _option(parse):
    """An option's type that says what it accepts: `--kata-timeout nan` is a usage error, not no limit."""
    import argparse

    def convert(text: str):
        try:
            return parse(text)
        except environment.BadSetting as err:
            raise argparse.ArgumentTypeError(f"{text}: {err}") from None
    convert.__name__ = parse.__name__
    return convert


def pytest_configure(config):
    try:
        environment.check()
    except environment.BadSetting as err:
        raise pytest.UsageError(str(err)) from None


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """`pytest` as the whole program (its console_main below us, not pytest.main() in a kernel): nothing more will
    be collected, so the interpreter's final garbage collection over torch's objects (0.2 s) is skipped."""
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name in ("console_main", "_console_main") and frame.f_globals.get("__name__") == "_pytest.config":
            gc.freeze()
            return
        frame = frame.f_back


def is_kata_file(path: Path) -> bool:
    return path.name.startswith("test_q") and path.suffix == ".py" and path.parent.name == "tests"


def _kata_args(config) -> tuple[list[str], list[str]]:
    """config.args split in two: kata test files (or node ids in them), which workers collect, and the rest.
    A folder counts as the rest; the kata files in it are skipped here (pytest_ignore_collect)."""
    katas, rest = [], []
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path.is_file() and is_kata_file(path):
            katas.append(str(path) + arg[len(arg.split("::")[0]):])
        else:
            rest.append(arg)
            if path.is_dir():
                found = sorted(p for p in path.rglob("test_q*.py") if is_kata_file(p) and ".venv" not in p.parts
                               and not any(part.startswith(".") for part in p.relative_to(path).parts))
                katas += [str(p) for p in found if str(p) not in katas]
    return katas, rest


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session):
    """Leave the kata test modules to the workers (one-shot runs); collect the rest here as usual."""
    config = session.config
    if config.option.collectonly or config.getoption("katas_worker") or getattr(config, "katas_warm", None):
        return None
    katas, rest = _kata_args(config)
    if not katas:
        return None
    config.stash[DEFERRED] = katas
    session.perform_collect(rest)
    return True


def pytest_ignore_collect(collection_path, config):
    if SHARE in config.stash:  # in a worker: only its share of the kata files
        return is_kata_file(collection_path) and str(collection_path) not in config.stash[SHARE] or None
    if DEFERRED in config.stash and str(collection_path) in config.stash[DEFERRED]:
        return True  # a worker collects it
    return None


def pytest_report_collectionfinish(config, start_path, items):
    # a line of its own: `pytest -q` prints it without pytest's "collected N items" before it
    if DEFERRED in config.stash:
        n = len(config.stash[DEFERRED])
        return f"{n} kata test file{'s' if n != 1 else ''}: collected and checked in worker processes"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    config = session.config
    if (session.testsfailed and not config.option.continue_on_collection_errors) or config.option.collectonly:
        return None  # pytest's own loop reports it
    token = config.getoption("katas_worker")
    if token:  # a spawned worker: collect and run these katas' checks here, and report on stdout
        _serve([Share(Path(item.path), items=None) for item in _first_per_path(session.items)], config,
               _stdout_channel(token), session=session, collected=session.items)
        os._exit(0)
    warm = getattr(config, "katas_warm", None)
    if warm is not None:  # collected once, then any kata checked again (options may change), in fresh workers
        by_path: dict[Path, list] = {}
        for item in session.items:
            if is_kata_file(Path(item.path)):
                by_path.setdefault(Path(item.path), []).append(item)

        def check(paths, options: dict) -> None:
            saved = {name: getattr(config.option, name) for name in options}
            vars(config.option).update(options)
            try:
                Supervisor(config).run([Share(p, items=by_path[p]) for p in paths if p in by_path], session)
            finally:
                vars(config.option).update(saved)
        warm(check)
        return True
    deferred = config.stash.get(DEFERRED, [])
    if deferred:
        Supervisor(config).run([Share(Path(arg.split("::")[0]), args=[arg]) for arg in _merge(deferred)], session)
    others = [item for item in session.items if not is_kata_file(Path(item.path))]
    for i, item in enumerate(others):
        if session.shouldfail or session.shouldstop:
            break
        item.config.hook.pytest_runtest_protocol(item=item, nextitem=others[i + 1] if i + 1 < len(others) else None)
    return True


def _first_per_path(items) -> list:
    seen, first = set(), []
    for item in items:
        if item.path not in seen:
            seen.add(item.path)
            first.append(item)
    return first


def _merge(args: list[str]) -> list[str]:
    """One arg per kata file: `file::a` and `file::b` stay separate args, but a whole file absorbs its ids."""
    files = {a for a in args if "::" not in a}
    return [a for a in args if "::" not in a or a.split("::")[0] not in files]


@dataclass
class Share:
    """One kata for a worker: its test file, and either its collected checks (a warm session) or the args a
    worker collects them from."""

    path: Path
    items: list | None = None
    args: list[str] = field(default_factory=list)


# The worker side ----------------------------------------------------------------------------------


def _fd_channel(fd: int):
    def send(event: dict) -> None:
        data = (json.dumps(event, default=str) + "\n").encode()
        while data:
            data = data[os.write(fd, data):]
    send.fd = fd  # the descriptor the worker keeps
    return send


def _stdout_channel(token: str):
    stream = os.fdopen(os.dup(1), "wb", buffering=0)

    def send(event: dict) -> None:
        stream.write((token + json.dumps(event, default=str) + "\n").encode())
    send.fd = stream.fileno()
    return send


def _isolate_output(keep: int | None = None) -> None:
    """The kata's output goes nowhere the supervisor reads: prints are captured per check by pytest
    (--capture=sys), and anything written to the file descriptors goes to the null device. So do the pipes,
    sockets and terminals this process inherited beyond 0-2 (a copy of the caller's stdout, the pipe of
    whoever reads the caller's output), except `keep`, the worker's own channel: a process the kata starts
    inherits them, and a run must never wait for such a process to close them."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    for fd in _inherited_fds():
        if fd not in (null, keep):
            try:
                if stat.S_ISFIFO(mode := os.fstat(fd).st_mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode):
                    os.dup2(null, fd)  # (not closed: an object that still holds the number writes nowhere)
            except OSError:
                pass
    os.close(null)
    faulthandler.disable()  # it writes to a copy of the terminal's stderr; a crash is reported by the supervisor


def _inherited_fds() -> list[int]:
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return [int(fd) for fd in os.listdir(folder) if int(fd) > 2]
        except OSError:
            continue
    return list(range(3, 256))


def _limit_memory() -> None:
    if not sys.platform.startswith("linux"):
        return
    import resource

    with open("/proc/self/status") as status:
        size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    limit = size + (environment.get("KATAS_MEMORY_MB") or MEMORY_MB) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _keeper() -> bool:
    """Linux: this process becomes a keeper, subreaper of everything below it, and forks the worker. Once the
    worker has ended however it ended (os._exit at import, a crash), the keeper kills every process it left
    (one in a new session included), and ends as the worker did, so the supervisor reads the same status.
    Returns True in the keeper (after all that), False in the worker. Elsewhere: False, no keeper."""
    if not sys.platform.startswith("linux"):
        return False
    from katakit import guard

    guard.become_subreaper()
    pid = os.fork()
    if pid == 0:
        _die_with_parent()
        return False
    _, status = os.waitpid(pid, 0)
    guard.kill_descendants(os.getpid())
    if os.WIFSIGNALED(status):
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: never outlive the supervisor


class _CollectErrors:
    """In a worker: a test module that cannot be collected is reported to the supervisor."""

    def __init__(self, config, send):
        self.config, self.send = config, send

    def pytest_collectreport(self, report):
        if report.failed:
            self.send({"e": "collect", "r": self.config.hook.pytest_report_to_serializable(config=self.config,
                                                                                            report=report)})


def _collect(session, shares: list[Share], send) -> list[list]:
    """The checks of each share, in the shares' order: collected here from their args where not given."""
    config = session.config
    wanted = [arg for share in shares if share.items is None for arg in share.args]
    found: dict[Path, list] = {}
    if wanted:
        config.pluginmanager.register(_CollectErrors(config, send), "katas-collect-errors")
        folders = {Path(arg).parent for arg in wanted}
        if len(folders) == 1 and not any("::" in arg for arg in wanted):
            # one scan of the folder, skipping the other workers' files, costs less than a path walk per file
            config.stash[SHARE] = set(wanted)
            wanted = [str(folders.pop())]
        for item in session.perform_collect(wanted):
            found.setdefault(Path(item.path), []).append(item)
    groups = [share.items if share.items is not None else found.get(share.path, []) for share in shares]
    shuffle = config.getoption("kata_shuffle", None)
    if shuffle is not None:
        rng = random.Random(shuffle)
        groups = [rng.sample(items, len(items)) for items in groups]
    send({"e": "collected", "paths": [str(share.path) for share, items in zip(shares, groups, strict=True)
                                      if not items],
          "counts": {str(share.path): len(items) for share, items in zip(shares, groups, strict=True)}})
    return [items for items in groups if items]


def _serve(shares: list[Share], config, send, machinery=None, session=None, collected=None) -> None:
    """In a worker: collect the shares' checks where needed, then run them one kata after another, and send
    what happened, event by event. After each kata the global state is put back; the worker retires (a
    fresh one takes the rest) when the kata left something that cannot be put back. `machinery` is the
    record of the checking machinery taken before any kata code ran."""
    from katakit import guard

    try:
        _isolate_output(keep=getattr(send, "fd", None))
        _limit_memory()
        guard.become_subreaper()
        if collected is not None:  # a spawned worker: pytest collected its args already
            by_path: dict[Path, list] = {}
            for item in collected:
                by_path.setdefault(Path(item.path), []).append(item)
            shares = [Share(share.path, items=by_path.get(share.path, [])) for share in shares]
        groups = _collect(session, shares, send)
        from katakit import checks

        checks.sink = lambda message: send({"e": "found", "m": cut(message, 300)})
        kernels_own = guard.differences_from_shipped()
        guard.apply_shipped()  # forked from a notebook kernel, this process has the kernel's settings
        torch_threads(1)
        state = guard.GlobalState()
        if machinery is None:
            machinery = guard.Machinery()
        elif kernels_own or any(share.items is None for share in shares):  # the record moves on: collecting here
            machinery.rebase()  # imported the test modules, or torch's defaults moved its own aliases (Storage)
        else:  # a warm session's worker: its record was brought up to date before the fork, at a tenth of the
            machinery.accept(vars(checks))  # cost here (where every page touched is copied); only the sink is new
        threads = threading.active_count()
        if config.getoption("impl") == "katas" and not config.getoption("mutant"):
            guard.refuse_reference(config.rootpath)
        changed: list[str] = []  # what the kata running now changed of the shared machinery and settings
        watcher = guard.Watcher(machinery)
        watcher.on = True

        def compare() -> None:  # then put the settings back, so that no check of the kata runs under them
            settings = state.changes()
            changed.extend(c for c in settings + machinery.changes(hot_only=True) + watcher.seen if c not in changed)
            watcher.seen.clear()
            state.restore(changed=bool(settings))

        reporter = _PhaseReporter(send)
        config.pluginmanager.register(reporter, "katas-phases")
        hooks = _hooks(config)  # every pytest hook's implementations: a plugin a kata registers decides checks

        def hooked() -> None:
            if _hooks(config) != hooks and HOOKED not in changed:
                changed.append(HOOKED)

        reporter.after_load = lambda: (compare(), hooked())
        for items in groups:
            send({"e": "kata", "path": str(items[0].path),
                  "checks": [[item.nodeid, list(item.location), sentence(item), bool(item.get_closest_marker("written"))]
                             for item in items]})
            changed.clear()
            for i, item in enumerate(items):
                send({"e": "start", "id": item.nodeid})
                reports = runtestprotocol(item, nextitem=items[i + 1] if i + 1 < len(items) else None, log=False)
                compare()  # before the restore: a setting the kata changed is its error, not only put back
                for report in reports:
                    send({"e": "report", "id": item.nodeid, "r": _serializable(config, report)})
            changed.extend(c for c in machinery.changes() if c not in changed)
            hooked()
            started = guard.stop_descendants()
            tampered = _tampering(changed, guard.REFERENCE_READS, started)
            guard.REFERENCE_READS.clear()
            unclean = tampered or threading.active_count() > threads or guard.broken_process(config)
            send({"e": "kata_done", "path": str(items[0].path),
                  **({"message": tampered.message, "cause": tampered.cause} if tampered else {})})
            if unclean:
                send({"e": "retire"})  # this process is no longer clean: a fresh worker takes the rest
                return
        send({"e": "done"})
    except BaseException as err:  # KeyboardInterrupt or pytest.exit() from the kata, or a closed channel
        try:
            send({"e": "crash", "what": cut(f"{type(err).__name__}: {err}")})
        except BaseException:
            pass
    finally:
        guard.stop_descendants()


def torch_threads(n: int) -> None:
    import torch

    torch.set_num_threads(n)  # two workers share two cores; tiny tensors gain nothing from more threads


HOOKED = "registered a pytest plugin or hook"


def _hooks(config) -> list[tuple[str, tuple[int, ...]]]:
    """Each pytest hook with its implementations, by identity (what a plugin registered by a kata would add)."""
    return [(name, tuple(id(impl.function) for impl in caller.get_hookimpls()))
            for name, caller in sorted(vars(config.hook).items()) if hasattr(caller, "get_hookimpls")]


class _PhaseReporter:
    def __init__(self, send, after_load=None):
        self.send, self.after_load = send, after_load

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_makereport(self, item, call):
        if call.excinfo is not None:  # before pytest and the checks format it: a 20 MB message costs seconds there
            _cut_exception(call.excinfo.value)
        return (yield)

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef, request):
        result = yield
        if fixturedef.argname in ("kata", "answer") and self.after_load is not None:
            self.after_load()  # the kata's top level has run: what it changed is named before any check uses it
        return result

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item):
        self.send({"e": "phase", "p": "setup"})

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_call(self, item):
        self.send({"e": "phase", "p": "call"})


SETTINGS_CAUSE = "changed torch's settings"


def _tampering(changed: list[str], reference_reads: list[str], started: list[str]) -> Failure | None:
    if reference_reads:
        return Failure(f"your code tried to read {reference_reads[0]}, our solution. That is refused while a kata "
                       "runs, and a pass that way is not a pass: write the function yourself.",
                       cause="read the reference")
    if changed:
        shown = ", ".join(changed[:6]) + (f" and {len(changed) - 6} more" if len(changed) > 6 else "")
        settings_only = all(change.startswith("changed ") for change in changed)
        return Failure(f"your code {shown}: shared machinery the checks rely on, so this kata's results cannot be "
                       "trusted (and no other kata runs in that process). Change only your own functions and "
                       "values: give a tensor its dtype or device when you make it, and leave torch's settings, "
                       "functions and classes as they are.",
                       cause=SETTINGS_CAUSE if settings_only else "patched the checks")
    if started:
        names = sorted(set(started))
        count = f"{len(started)} process{'es' if len(started) > 1 else ''}"
        return Failure(f"your code started {count} ({', '.join(names)}) that {'were' if len(started) > 1 else 'was'} "
                       "still running when the checks ended; stopped now. A process left running can hold files "
                       "or output: wait for the processes you start (subprocess.run, .join()), or start none.",
                       cause="left processes running")
    return None


def _serializable(config, report) -> dict:
    for n, (title, content) in enumerate(report.sections):
        if len(content) > SECTION_LIMIT:
            report.sections[n] = (title, content[:SECTION_LIMIT] + "\n… (output cut)")
    return _cut_all(config.hook.pytest_report_to_serializable(config=config, report=report))


def cut(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """The text, at most `limit` characters: a 20 MB exception message is cut here, in the worker."""
    return text if len(text) <= limit else text[:limit] + " … (cut)"


def _cut_exception(err: BaseException) -> None:
    """Cut an exception's long text arguments (and its cause's, its context's) in place, to MESSAGE_LIMIT."""
    seen = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        try:
            if any(isinstance(arg, str) and len(arg) > MESSAGE_LIMIT for arg in err.args):
                err.args = tuple(cut(arg) if isinstance(arg, str) else arg for arg in err.args)
        except Exception:  # noqa: S110 - an exception whose args cannot be set keeps them; the report is cut later
            pass
        err = err.__cause__ or err.__context__


def _cut_all(data):
    """Every text in a report's JSON-ready data, cut to MESSAGE_LIMIT characters."""
    if isinstance(data, str):
        return cut(data)
    if isinstance(data, dict):
        return {key: _cut_all(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_cut_all(value) for value in data]
    return data


def _sentence(test_name: str) -> str:
    return test_name.removeprefix("test_").replace("_", " ")


_CALLED: dict[Path, tuple[str, ...]] = {}


def _called(path: Path) -> tuple[str, ...]:
    """The kata's functions a test module calls (`kata.predict_region`), longest first; read once per module."""
    if path not in _CALLED:
        import re

        source = path.read_text(encoding="utf-8") if path.is_file() else ""
        found = {m[1] for m in re.finditer(r"kata\.([a-z]\w*)", source)  # (a literal first: 30 times faster)
                 if "_" in m[1] and not (m.start() and (source[m.start() - 1].isalnum() or source[m.start() - 1] == "_"))}
        _CALLED[path] = tuple(sorted(found, key=len, reverse=True))
    return _CALLED[path]


def sentence(item) -> str:
    """A check's name as the learner reads it: the test's `@pytest.mark.sentence("…")` where its function name
    would lose punctuation ("a learning rate of 1e-5 …", "… an nn.Linear"), else the function name with
    spaces, the kata's own function names kept whole ("predict_region gives one row …"). A parametrized test
    keeps its [id]. Only what is shown changes; test ids stay as they are."""
    marker = item.get_closest_marker("sentence")
    if marker is not None:
        return marker.args[0] + item.name[len(getattr(item, "originalname", item.name)):]
    name = item.name.removeprefix("test_")
    for function in _called(Path(getattr(item, "path", ""))):
        name = _kept_whole(name, function)
    return _sentence(name).replace("\0", "_")


def _kept_whole(name: str, word: str) -> str:
    """name with each whole-word `word` (no letter or digit either side) written with \0 for its underscores."""
    start = name.find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and name[start - 1].isalnum() or end < len(name) and name[end].isalnum()):
            name = name[:start] + word.replace("_", "\0") + name[end:]
        start = name.find(word, end)
    return name


# The supervisor side ------------------------------------------------------------------------------


class KataRun:
    """One kata's checks, as the supervisor sees them: the reports that came back, and how it ended."""

    def __init__(self, share: Share):
        self.share = share
        self.checks: list[tuple[str, tuple, str, bool]] = []  # (node id, location, name, written), as collected
        self.index: dict[str, int] = {}
        self.reports: dict[int, list] = {}
        self.current = -1  # the check that was running last
        self.started = self.done = False
        self.ended: str | None = None  # why it stopped early, in plain words
        self.tampered: Failure | None = None  # the kata patched the checks or read the reference
        self.dropped: str | None = None  # a report of this kata was too big to read
        self.found: dict[int, str] = {}  # per check, the first failure it sent the moment it found it

    def begin(self, checks: list) -> None:
        self.checks = [(nodeid, tuple(location), name, written) for nodeid, location, name, written in checks]
        self.index = {check[0]: i for i, check in enumerate(self.checks)}
        self.started = True

    @property
    def kata_file(self) -> str:
        return f"katas/{self.share.path.stem.removeprefix('test_')}.py"


class Worker:
    """One worker process, as the supervisor sees it: its katas, what it has sent, and how it ended."""

    def __init__(self, runs: list[KataRun], limit: float):
        self.runs, self.limit = runs, limit
        self.by_path = {str(run.share.path): run for run in runs}
        self.run: KataRun | None = None  # the kata running now
        self.phase = "setup"
        self.deadline = time.monotonic() + STARTUP  # until its katas are collected
        self.collected = self.done = self.retired = False
        self.ended: str | None = None  # why the process stopped early, in plain words
        self.collect_reports: list[dict] = []  # test modules that could not be collected
        self.pieces: list[bytes] = []  # the unfinished line, in the pieces it came in (joined once: linear)
        self.pending = 0  # its length in bytes
        self.counts: dict[str, int] = {}  # checks collected per kata test file
        self.eof = self.killed = False
        self.status: int | None = None  # the process's wait status once it has ended
        self.pid = self.fd = self.proc = self.token = None  # set by the launcher

    @property
    def finished(self) -> bool:
        return self.done or self.retired or self.ended is not None

    def feed(self, chunk: bytes) -> None:
        """Bytes from the worker: each complete line is an event. A line is joined only once it is complete (so
        a long line costs its length, not its length squared); one longer than LINE_LIMIT is dropped."""
        end = chunk.find(b"\n")
        if end < 0:
            if self.pending >= 0:  # (below 0: the rest of a dropped line)
                self.pieces.append(chunk)
                self.pending += len(chunk)
                if self.pending > LINE_LIMIT:
                    self.pieces, self.pending = [], -1
                    self.dropped()
            return
        if self.pending >= 0:
            self.on_line(b"".join([*self.pieces, chunk[:end]]))
        *lines, rest = chunk[end + 1:].split(b"\n")
        for line in lines:
            self.on_line(line)
        self.pieces, self.pending = [rest], len(rest)

    def dropped(self) -> None:
        if self.run is not None:
            self.run.dropped = (f"the worker sent a report over {LINE_LIMIT >> 20} MB, so it was dropped: does your "
                                "code make a huge message (an exception's text, a printed tensor)?")

    def on_line(self, line: bytes) -> None:
        try:
            event = json.loads(line)
        except ValueError:
            return
        kind = event.get("e")
        if kind == "collect":
            self.collect_reports.append(event["r"])
        elif kind == "collected":
            self.collected = True
            self.deadline = time.monotonic() + self.limit
            self.counts = event.get("counts", {})
            for path in event.get("paths", []):  # no checks to run (deselected, or the module failed to load)
                if path in self.by_path:
                    self.by_path[path].started = self.by_path[path].done = True
        elif kind == "kata" and event.get("path") in self.by_path:
            self.run = self.by_path[event["path"]]
            self.run.begin(event.get("checks", []))
            self.phase, self.deadline = "setup", time.monotonic() + self.limit
        elif kind == "retire":
            self.retired = True
        elif kind == "done":
            self.done = True
        elif kind == "crash":
            self.ended = f"your code stopped the checks ({event.get('what', '?')})"
        elif self.run is None:
            return
        elif kind == "start" and event.get("id") in self.run.index:
            self.run.current, self.phase = self.run.index[event["id"]], "setup"
            self.deadline = time.monotonic() + self.limit
        elif kind == "phase":
            self.phase = event["p"]
        elif kind == "found" and self.run.current >= 0:
            self.run.found.setdefault(self.run.current, str(event.get("m", "")))
        elif kind == "report" and event.get("id") in self.run.index:
            self.run.reports.setdefault(self.run.index[event["id"]], []).append(event["r"])
        elif kind == "kata_done":
            self.run.done = True
            if "message" in event:
                self.run.tampered = Failure(event["message"], event.get("cause", "tampered"))

    def timed_out(self) -> str:
        if not self.collected:
            return f"timed out: collecting the checks took longer than {STARTUP:g} s"
        if self.run is not None and self.phase == "setup" and self.run.current <= 0:
            return (f"timed out: loading {self.run.kata_file} took longer than {self.limit:g} s, so it was stopped. "
                    "Code at the top level of a kata runs on import: is there a loop there, or training for many "
                    "epochs?")
        return (f"timed out: the check ran longer than {self.limit:g} s, so it was stopped. Is there a loop that "
                "never ends, or far too many epochs?")


def describe_end(status: int | None, killed: bool) -> str:
    """Why a worker process ended, in plain words, from its wait status."""
    if status is None:
        return "the worker ended without a result"
    if os.WIFEXITED(status):
        return (f"your code ended the process (exit status {os.WEXITSTATUS(status)}): os._exit() or a closed "
                "channel? Return from your functions instead")
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if sig == signal.SIGKILL and not killed:
        return "the process was killed by the system: did your code run out of memory?"
    if sig == signal.SIGSEGV:
        return "the process crashed (segmentation fault)"
    name = signal.Signals(sig).name if sig else "?"
    return f"the process was ended by signal {name}"


class Supervisor:
    def __init__(self, config):
        self.config = config
        self.limit = config.getoption("kata_timeout")
        workers = config.getoption("kata_workers") or environment.get("KATAS_WORKERS") or min(2, os.cpu_count() or 1)
        self.parallel = max(1, workers)
        start = config.getoption("kata_start") or environment.get("KATAS_START") or (
            "fork" if hasattr(os, "fork") else "spawn")
        from katakit import guard

        # recorded here once per session (no kata code ever runs in this process); forked workers inherit it
        machinery = self.config.stash.get(MACHINERY, None) or guard.Machinery()
        self.config.stash[MACHINERY] = machinery
        self.launcher = _Forks(config, machinery) if start == "fork" else _Spawns(config)

    def run(self, shares: list[Share], session) -> None:
        shuffle = self.config.getoption("kata_shuffle", None)
        if shuffle is not None:  # a random order of the katas, drawn from the seed (workers shuffle their checks)
            shares = random.Random(shuffle).sample(shares, len(shares))
        gc.freeze()  # a worker's garbage collector would otherwise touch, and so copy, every page it inherits
        try:
            self._run([KataRun(share) for share in shares], session)
        finally:
            gc.unfreeze()

    def _shares(self, pending: list[KataRun], free: int) -> list[list[KataRun]]:
        """Deal the waiting katas out to the free workers, in turn (the later katas train more, so a deal
        evens out the work better than halves do); isolated, one kata each, the rest waiting for a free worker."""
        free = max(1, free)
        if not self.config.getoption("kata_isolate", False):
            return [share for share in (pending[i::free] for i in range(free)) if share]
        alone = [run for run in pending if self._own_code(run)]
        shares = [[run] for run in alone[:free]]
        together = [run for run in pending if run not in alone]  # shipped stubs only: nothing of theirs stays behind
        spare = free - len(shares)
        return shares + [share for share in (together[i::spare] for i in range(spare)) if share] if spare else shares

    def _own_code(self, run: KataRun) -> bool:
        """The kata's .py is the learner's code (not the shipped stub): isolated, it gets a worker of its own."""
        from katakit import files

        name = run.share.path.stem.removeprefix("test_") + ".py"
        return (self.config.rootpath / "katas" / name).exists() and files.differs_from_stub(self.config.rootpath, name)

    def _run(self, runs: list[KataRun], session) -> None:
        pending = list(runs)
        running: list[Worker] = []
        started: list[Worker] = []
        replayed = 0
        # pytest's progress ("[ 40%]") divides by the number collected: a one-shot run knows it only once every
        # worker has collected its share, so replaying waits for that and then sets the total once
        total = DEFERRED in self.config.stash
        base = session.testscollected
        try:
            while pending or running:
                if pending and len(running) < self.parallel and not (session.shouldfail or session.shouldstop):
                    for share in self._shares(pending, self.parallel - len(running)):
                        running.append(self.launcher.start(Worker(share, self.limit), session))
                        started.append(running[-1])
                        pending = [run for run in pending if all(run is not dealt for dealt in share)]
                if not running:
                    break
                self.launcher.wait(running, timeout=max(0.0, min(w.deadline for w in running) - time.monotonic()))
                for worker in list(running):
                    if not worker.finished and time.monotonic() > worker.deadline:
                        worker.ended = worker.timed_out()
                        self.launcher.kill(worker)
                    if worker.finished or self.launcher.exited(worker):
                        self.launcher.finish(worker)
                        running.remove(worker)
                        self._collect_errors(worker)
                        pending = self._settle(worker) + pending
                if total and any(not (w.collected or w.finished) for w in running):
                    continue
                if total:
                    counts = {path: n for w in started for path, n in w.counts.items()}
                    session.testscollected = base + sum(counts.values())
                while replayed < len(runs) and (runs[replayed].done or runs[replayed].ended):
                    self._replay(runs[replayed], session)
                    replayed += 1
        finally:
            for worker in running:
                self.launcher.kill(worker)
                self.launcher.finish(worker)

    def _collect_errors(self, worker: Worker) -> None:
        for data in worker.collect_reports:
            report = self.config.hook.pytest_report_from_serializable(config=self.config, data=data)
            self.config.hook.pytest_collectreport(report=report)

    @staticmethod
    def _settle(worker: Worker) -> list[KataRun]:
        """A worker has ended: the kata it was running (if unfinished) ends with the reason; the katas it never
        started go back to the queue for a fresh worker, unless it never got as far as collecting them."""
        reason = worker.ended or ("the worker ended without a result" if not (worker.done or worker.retired) else None)
        if worker.run is not None and not worker.run.done:
            worker.run.ended = reason or "the worker ended without a result"
        waiting = [run for run in worker.runs if not run.started]
        if not worker.collected:
            for run in waiting:
                run.ended = f"the checks could not start: {reason}"
            return []
        return waiting

    def _replay(self, run: KataRun, session) -> None:
        """Feed a finished kata's reports to pytest; checks it never reported get an error that says why."""
        hook = self.config.hook
        if not run.checks and run.ended:  # nothing was collected: one error for the kata's test file
            report = CollectReport(str(run.share.path.relative_to(self.config.rootpath)), "failed", run.ended, [])
            hook.pytest_collectreport(report=report)
            return
        if DEFERRED not in self.config.stash:  # a warm session counts again what it checks again
            session.testscollected += len(run.checks)
        # settings changed, and some check failed by itself (it may name the change better): only the failed
        # checks become errors, with their own message first
        own_failure = run.tampered is not None and run.tampered.cause == SETTINGS_CAUSE and any(
            data.get("outcome") == "failed" for reports in run.reports.values() for data in reports)
        for i, (nodeid, location, name, written) in enumerate(run.checks):
            hook.pytest_runtest_logstart(nodeid=nodeid, location=location)
            reports = [_from_json(self.config, r) for r in run.reports.get(i, [])]
            if not any(r.when == "teardown" for r in reports) and (not run.done or run.dropped):
                reason = run.ended or run.dropped or "the worker ended without a result"
                message = reason if i <= run.current else (
                    f"not run: an earlier check of {run.kata_file} stopped its worker ({reason})")
                reports = [r for r in reports if r.when == "setup" and r.passed] + [
                    _error_report(nodeid, location, name, written, message, reason)]
            if i in run.found and not any(r.failed for r in reports):
                _overrule(reports, Failure(
                    f"This check found a mistake ({run.found[i]}), and the finding was gone by the time of its report: "
                    "something in your code erased it (a __del__, a pytest plugin, a thread), so this kata's results "
                    "cannot be trusted. Change only your own functions and values.", "tampered"), name)
            if run.tampered and not (own_failure and not any(r.failed for r in reports)):
                _overrule(reports, run.tampered, name)
            for report in reports:
                hook.pytest_runtest_logreport(report=report)
            hook.pytest_runtest_logfinish(nodeid=nodeid, location=location)


def _overrule(reports: list, failure: Failure, name: str) -> None:
    """The kata tampered with its checks: its result becomes an error that says so."""
    target = next((r for r in reports if r.when == "call"), None) or next((r for r in reports if r.failed), None)
    if target is None:
        return
    own = next((Check.from_dict(value).failures for key, value in target.user_properties if key == "katas"), [])
    # a setting changed inside the kata's function is often what its own check names better ("grad mode stays
    # off for the whole program"): that message comes first; a patched function could fool any message, so ours
    failures = [*own, failure] if failure.cause == SETTINGS_CAUSE and own else [failure]
    target.outcome = "failed"
    target.longrepr = failures[0].message
    target.user_properties = [p for p in target.user_properties if p[0] != "katas"]
    target.user_properties.append(("katas", Check(name, "error", failures).to_dict()))


def _from_json(config, data: dict):
    report = config.hook.pytest_report_from_serializable(config=config, data=data)
    if isinstance(report.longrepr, list):  # a skip's (path, line, reason): JSON made the tuple a list
        report.longrepr = tuple(report.longrepr)
    return report


def _error_report(nodeid, location, name, written, message: str, cause: str | None) -> TestReport:
    check = Check(name, "error", [Failure(message, cause=cause or message)],
                  part="written" if written else "code")
    return TestReport(nodeid, location, {}, "failed", message, "call", user_properties=[("katas", check.to_dict())])


class _Forks:
    """Workers forked from this warm process; their events come through a pipe, read with a selector."""

    def __init__(self, config, machinery):
        self.config, self.machinery = config, machinery
        self.selector = selectors.DefaultSelector()

    def start(self, worker: Worker, session) -> Worker:
        # what changed here since the record (a kernel's cells, pytest's caches after the last check) is no kata's
        # doing: the record moves on, here, where it costs a tenth of what it costs in the worker
        self.machinery.rebase()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                gc.disable()  # collection would touch, and so copy, every inherited page
                os.close(read)
                os.setpgid(0, 0)  # its own process group: a kill reaches anything it started
                _die_with_parent()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the supervisor's to handle
                if _keeper():
                    os.close(write)
                else:  # the worker
                    _serve([run.share for run in worker.runs], self.config, _fd_channel(write), self.machinery,
                           session)
            finally:
                os._exit(0)
        os.close(write)
        worker.pid, worker.fd = pid, read
        self.selector.register(read, selectors.EVENT_READ, worker)
        return worker

    def wait(self, running: list[Worker], timeout: float) -> None:
        ready = self.selector.select(timeout=min(timeout, 1.0))
        for key, _ in ready:
            worker = key.data
            chunk = os.read(worker.fd, 1 << 16)
            if not chunk:
                self.selector.unregister(worker.fd)
                worker.eof = True
                continue
            worker.feed(chunk)
        if ready:
            time.sleep(min(BATCH, timeout))

    def exited(self, worker: Worker) -> bool:
        if not worker.eof:
            return False
        pid, status = os.waitpid(worker.pid, os.WNOHANG)
        if pid:
            worker.status = status
            worker.ended = worker.ended or describe_end(status, worker.killed)
        return bool(pid)

    def kill(self, worker: Worker) -> None:
        if worker.status is not None:
            return
        worker.killed = True
        if sys.platform.startswith("linux"):
            from katakit import guard

            try:  # first whatever it started, even in another session: as their subreaper, stopped, it keeps them
                os.kill(worker.pid, signal.SIGSTOP)
                guard.kill_descendants(worker.pid)
            except OSError:
                pass
        for sig in (signal.SIGKILL,) if sys.platform.startswith("linux") else (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(worker.pid, sig)
            except (ProcessLookupError, PermissionError):
                pass
            stop = time.monotonic() + GRACE
            while time.monotonic() < stop:
                pid, status = os.waitpid(worker.pid, os.WNOHANG)
                if pid:
                    worker.status = status
                    return
                time.sleep(0.01)

    def finish(self, worker: Worker) -> None:
        if worker.fd in self.selector.get_map():
            self.selector.unregister(worker.fd)
        os.close(worker.fd)
        if worker.status is None:
            if not (worker.done or worker.retired):
                self.kill(worker)
            else:
                _, worker.status = os.waitpid(worker.pid, 0)


class _Spawns:
    """Workers started as fresh processes (`python -m pytest <their katas' test files>`), where fork is
    missing. Their events come on stdout, each line prefixed with a token; reader threads feed one queue."""

    def __init__(self, config):
        self.config = config
        self.events: queue.Queue = queue.Queue()

    def _args(self, worker: Worker, token: str) -> list[str]:
        config, opt = self.config, self.config.getoption
        ids = [arg for run in worker.runs for arg in (run.share.args or
                                                      [item.nodeid for item in run.share.items or []])]
        args = [sys.executable, "-m", "pytest", *ids, f"--rootdir={config.rootpath}",
                "-q", "-p", "no:cacheprovider", f"--katas-worker={token}", f"--impl={opt('impl')}"]
        if config.inipath:
            args.append(f"--config-file={config.inipath}")
        args += [f"--mutant={m}" for m in opt("mutant")]
        for name in ("sabotage", "kata_seed", "kata_shuffle"):
            if opt(name) is not None:
                args.append(f"--{name.replace('_', '-')}={opt(name)}")
        return args

    def start(self, worker: Worker, session) -> Worker:
        token = secrets.token_hex(8) + ":"
        worker.token = token.encode()
        worker.proc = subprocess.Popen(self._args(worker, token), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, cwd=self.config.rootpath,
                                       env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        threading.Thread(target=self._read, args=(worker,), daemon=True).start()
        return worker

    def _read(self, worker: Worker) -> None:
        rest_of_long_line = False
        while line := worker.proc.stdout.readline(LINE_LIMIT):
            cut_short = len(line) >= LINE_LIMIT and not line.endswith(b"\n")
            if not rest_of_long_line and line.startswith(worker.token):
                self.events.put((worker, b"dropped" if cut_short else line[len(worker.token):]))
            rest_of_long_line = cut_short
        self.events.put((worker, None))

    def wait(self, running: list[Worker], timeout: float) -> None:
        try:
            worker, line = self.events.get(timeout=min(timeout, 1.0))
        except queue.Empty:
            return
        while True:
            if line is None:
                worker.eof = True
            elif line == b"dropped":
                worker.dropped()
            else:
                worker.on_line(line)
            try:
                worker, line = self.events.get_nowait()
            except queue.Empty:
                return

    def exited(self, worker: Worker) -> bool:
        if not worker.eof:
            return False
        worker.status = worker.proc.wait()
        worker.ended = worker.ended or (f"your code ended the process (exit status {worker.status})"
                                        if worker.status >= 0 else describe_end(None, worker.killed))
        return True

    def kill(self, worker: Worker) -> None:
        worker.killed = True
        if sys.platform.startswith("linux"):  # what it started first, as for a forked worker
            from katakit import guard

            try:
                os.kill(worker.proc.pid, signal.SIGSTOP)
                guard.kill_descendants(worker.proc.pid)
            except OSError:
                pass
            worker.proc.kill()
        worker.proc.terminate()
        try:
            worker.proc.wait(GRACE)
        except subprocess.TimeoutExpired:
            worker.proc.kill()
            worker.proc.wait()

    def finish(self, worker: Worker) -> None:
        if worker.proc.poll() is None:
            if worker.done or worker.retired:
                try:
                    worker.proc.wait(GRACE * 10)
                except subprocess.TimeoutExpired:
                    self.kill(worker)
            else:
                self.kill(worker)
        worker.proc.stdout.close()


# One call in a worker, for commands that need a learner function's result (katas plot) -------------


def _call_target(conn, fn, args) -> None:
    try:
        _isolate_output(keep=conn.fileno())
        conn.send(("ok", fn(*args)))
    except BaseException as err:  # the learner's function broke: say how, in the supervisor
        conn.send(("error", f"{type(err).__name__}: {err}"))


def call(fn, *args, timeout: float = 10.0):
    """fn(*args) in a worker process (forked where fork exists, else spawned; fn must be importable then).
    Returns its result; raises RuntimeError saying what went wrong (raised, timed out, ended the process)."""
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    mine, theirs = context.Pipe(duplex=False)
    worker = context.Process(target=_call_target, args=(theirs, fn, args), daemon=True)
    worker.start()
    theirs.close()
    try:
        if not mine.poll(timeout):
            raise RuntimeError(f"timed out after {timeout:g} s")
        kind, value = mine.recv()
    except EOFError:
        raise RuntimeError(f"the worker ended without a result (exit status {worker.exitcode})") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join(GRACE)
    if kind == "error":
        raise RuntimeError(value)
    return value
