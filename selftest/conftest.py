"""Fixtures for the self-test: temporary copies of the repository, and running `katas` inside one.

pytest keeps one checkout's test modules per process, so commands on a copy run in another process: a fork
of this one (torch already imported) that forgets this checkout's conftest and test modules, or, where the
copy's own katakit matters (fork missing, or `fresh=True`), a new Python process.
"""

import contextlib
import io
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from katakit import loader, manifest

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".git", ".venv*", "__pycache__", "plots", ".katas")

_SCRIPT = """
import contextlib, io, json, sys
from katakit import cli
out = {}
for name, args in json.loads(sys.argv[1]).items():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = cli.main(args)
    out[name] = [code, buf.getvalue()]
print(json.dumps(out))
"""


def copy_repo(dest: Path, solved: bool = False) -> Path:
    shutil.copytree(ROOT, dest, ignore=IGNORE)
    if solved:
        for path in (dest / "reference").iterdir():
            shutil.copy(path, dest / "katas" / path.name)
    return dest


@pytest.fixture(scope="session")
def make_copy(tmp_path_factory):
    """make_copy(solved=False): a fresh copy of the repository; solved=True puts the references in katas/."""

    def make(solved: bool = False) -> Path:
        return copy_repo(tmp_path_factory.mktemp("copy") / "repo", solved)

    return make


def in_fork(where: Path, fn):
    """fn() in a fork of this process (torch is imported already), inside `where`, without this session's
    conftest and kata test modules (a copy has its own): what it returned, pickled through a pipe."""
    return Background(fn, where=where, nice=0).result()


def _forked(copy: Path, env: dict, commands: dict, stdin: str = "") -> dict:
    """Run the commands in a fork of this process, inside copy, with `stdin` as their standard input (a pipe, not
    a terminal), and return their codes and outputs."""

    def run() -> dict:
        os.environ.update(env)
        sys.stdin = io.StringIO(stdin)
        from katakit import cli

        out = {}
        for name, args in commands.items():
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                code = cli.main(args)
            out[name] = [code, buffer.getvalue()]
        return out

    return in_fork(copy, run)


@pytest.fixture
def forked():
    """forked(where, fn): fn() in a fork of the self-test's process, inside `where` (see `in_fork`)."""
    return in_fork


class Background:
    """fn() run in a fork of this process (torch already imported), at a lower priority unless nice=0, inside
    `where` without this session's conftest and kata test modules if given; result() waits for what it returned
    (pickled through a pipe). Where fork is missing, fn() simply runs when result() is asked."""

    def __init__(self, fn, where: Path | None = None, nice: int = 5):
        self.fn, self.value, self.pid = fn, None, None
        if not hasattr(os, "fork"):
            return
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.close(read)
                os.nice(nice)
                if where is not None:
                    for name in [m for m in sys.modules if m == "conftest" or m.startswith("test_q")]:
                        del sys.modules[name]
                    os.chdir(where)
                data = pickle.dumps(fn())
                while data:
                    data = data[os.write(write, data):]
            finally:
                os._exit(0)
        os.close(write)
        self.read = read

    def result(self):
        if self.pid is None:
            return self.fn()
        if self.value is None:
            chunks = []
            while chunk := os.read(self.read, 1 << 20):
                chunks.append(chunk)
            os.close(self.read)
            os.waitpid(self.pid, 0)
            assert chunks, "the forked part of the self-test ended without a result"
            self.value = pickle.loads(b"".join(chunks))
        return self.value


@pytest.fixture(scope="session", autouse=True)
def background(request, make_copy) -> dict[str, Background]:
    """The slowest parts of the self-test start with its first test, not when their turn comes: the notebook's
    two kernels, the stub, mutant and variant rounds (test_katas.all_runs) and the bad-input and seed rounds
    (test_reliability.all_runs). They run at a lower priority beside the rest, on the cores it leaves idle (the
    self-test stays under 60 s). Returns the background runs by name."""
    modules = {item.path.name: item.module for item in request.session.items}
    if "test_notebook.py" in modules:
        modules["test_notebook.py"].start(make_copy)
    return {name: Background(modules[f"test_{name}.py"].all_runs) for name in ("katas", "reliability")
            if f"test_{name}.py" in modules}


@pytest.fixture(scope="session")
def katas_in():
    """katas_in(copy, env=None, fresh=False, name=[args], ...) runs each `katas args` in one process inside copy:
    {name: [code, out]}. fresh=True: a new Python process, which imports the copy's own katakit."""

    def run(copy: Path, env: dict | None = None, fresh: bool = False, stdin: str = "", **commands) -> dict:
        env = {"NO_COLOR": "1", **(env or {})}
        if hasattr(os, "fork") and not fresh:
            return _forked(copy, env, commands, stdin)
        done = subprocess.run([sys.executable, "-c", _SCRIPT, json.dumps(commands)], cwd=copy, capture_output=True,
                              input=stdin, text=True, timeout=600, env={**os.environ, **env})
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.splitlines()[-1])

    return run


def pytest_terminal_summary(terminalreporter):
    """The mutant report: how many known-wrong versions exist and how many were killed, per kata and in total."""
    kinds = {"mutant is killed": "mutants killed", "one mistake gives one short report": "mutants with one short report",
             "correct variant passes": "correct variants passing", "misbehaving function": "bad inputs caught",
             "hostile kata gets its own": "hostile katas caught, each alone", "passes under this seed": "seeds passed",
             "flipping any single mark": "written parts where every single flipped mark fails"}
    tally: dict[str, dict[str, list[int]]] = {label: {} for label in kinds.values()}
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            label = next((lab for key, lab in kinds.items() if key in report.nodeid.replace("_", " ")), None)
            if label is None:
                continue
            kata = report.nodeid.split("[")[-1][:3] if label not in ("seeds passed",) else "all"
            counts = tally[label].setdefault(kata, [0, 0])
            counts[0] += outcome == "passed"
            counts[1] += 1
    for label, per_kata in tally.items():
        if per_kata:
            done, total = (sum(c[i] for c in per_kata.values()) for i in (0, 1))
            terminalreporter.write_line(f"{label}: {done}/{total}")
            if label == "mutants killed":
                terminalreporter.write_line("  " + "  ".join(f"{k} {c[0]}/{c[1]}" for k, c in sorted(per_kata.items())))
    if tally["written parts where every single flipped mark fails"]:
        keys = [getattr(loader.load_module(ROOT / k.test_file, f"key_{k.id}"), "KEY", None)
                for k in manifest.load(ROOT) if k.kind != "code"]
        keys = [key for key in keys if key is not None]
        terminalreporter.write_line(
            f"written parts: {len(keys)}, with {sum(len(k.statements) for k in keys)} statements, "
            f"{sum(len(k.blanks) for k in keys)} blanks and {sum(len(k.snippets) for k in keys)} predict-the-output snippets")
