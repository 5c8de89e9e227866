"""The katas in Jupyter, where the lesson lives: `%load_ext katakit`, then

    %%kata q13      as a cell's first line: the cell becomes katas/q13_mse.py, is checked at once, and then
                    defines its functions in the notebook (when its checks could load it)
    %%answer q24    the same for a written answer: the cell becomes katas/q24_reset_gradients.md
    %katas          progress and the next kata, as `katas` prints it; `%katas plot` shows the plots inline,
                    and `%katas hint q13` (any `katas` command) works too

A cell's previous file goes to .katas/backups/ first, as `katas reset` does. The files in katas/ stay the one
source of truth, so a notebook, `katas` in a terminal and a fork's CI all see the same work. Checks go
through the same runner as `katas check` (worker processes, time limits). `check("q13")` does the same from
plain Python: HTML in a notebook, text elsewhere. `katas notebook` writes workbook.ipynb with one cell per kata.
"""

from __future__ import annotations

import contextlib
import io
import json
import queue
import re
import shlex
import sys
import threading
from pathlib import Path

from rich.console import Console

from katakit import files, frontend, manifest, shipped

WORKBOOK = "workbook.ipynb"
OUTSIDE = ("This notebook is not inside a kata repository (no katas.toml here or above {here}). "
           "Change to your clone first, for example `%cd gradient-descent-katas`, then run the cell again.")


def _root() -> Path | None:
    try:
        return manifest.find_root()
    except manifest.NotAKataRepo:
        return None


def in_notebook() -> bool:
    shell = sys.modules.get("IPython") and sys.modules["IPython"].get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"  # Jupyter, Colab, Kaggle, VS Code


def in_ipython() -> bool:
    """Any IPython (a notebook, or IPython in a terminal): the learner types magics, `%katas …`."""
    shell = sys.modules.get("IPython") and sys.modules["IPython"].get_ipython()
    return shell is not None


def _display(text: str, html: str) -> None:
    """One output with both forms: a notebook shows the HTML; a front end without HTML (nbconvert to text, a
    viewer, a console client) shows the text, never `<IPython.core.display.HTML object>`."""
    from IPython.display import display

    display({"text/plain": text.rstrip("\n"), "text/html": html}, raw=True)


def _out(lines: list[str]) -> None:
    """One block of output: HTML and its plain text in a notebook, plain text (colour on a terminal) elsewhere."""
    from katakit import views

    if in_notebook():
        _display(views.render_text(lines), views.render_html(lines))
    else:
        console = Console(highlight=False, soft_wrap=not views.wraps())
        for line in lines:
            views.say(console, line)


def _say(text: str) -> None:
    from rich.markup import escape

    _out([escape(text)])


class _Checker:
    """A warm pytest session in a background thread, collected once per kernel and repository: a cell's
    check then costs a worker's fork, not pytest's start-up. Checks still run in fresh worker processes."""

    def __init__(self, root: Path):
        self.requests: queue.Queue = queue.Queue()
        self.broken: BaseException | None = None
        threading.Thread(target=self._serve, args=(root,), daemon=True, name="katas-checker").start()

    def _serve(self, root: Path) -> None:
        from katakit import run

        def body(check):
            while True:
                ids, reply = self.requests.get()
                try:
                    reply.put(("ok", check(ids)))
                except Exception as err:
                    reply.put(("error", err))

        try:
            # in a thread of the kernel: pytest must not swap sys.stdout (the notebook's own output)
            run.warm(body, root=root, extra_args=("--capture=no", "-p", "no:faulthandler"), redirect=False)
        except BaseException as err:  # the session could not start: later checks fall back to a session each
            self.broken = err

    def check(self, ids: list[str]):
        if self.broken is not None:
            return None
        reply: queue.Queue = queue.Queue()
        self.requests.put((ids, reply))
        while self.broken is None:
            try:
                kind, value = reply.get(timeout=1)
            except queue.Empty:
                continue
            if kind == "error":
                raise value
            return value
        return None


_CHECKERS: dict[Path, _Checker] = {}


def results(root: Path, ids: list[str]):
    """Check katas through this kernel's warm session (one pytest session each time where threads are no
    option: outside a notebook, `check()` from a script). No pass while the tests or the checker differ
    from what was shipped (katakit.shipped.refuse)."""
    from katakit import run

    checked = None
    if in_notebook():
        if root not in _CHECKERS:
            _CHECKERS[root] = _Checker(root)
        checked = _CHECKERS[root].check(ids)
    from katakit.cli import printable

    checked = shipped.refuse(checked if checked is not None else run.run(ids, root=root), shipped.judged(root))
    return printable(refuse_kernel_patches(checked))


_KERNEL: list = []  # this kernel's checking machinery as `%load_ext katakit` found it (katakit.guard.Machinery)


def _record_kernel() -> None:
    if not _KERNEL:
        from katakit import guard, quick_optim

        quick_optim.skip_dynamo_import()  # what the checks' conftest does to torch.optim, done before the record
        quick_optim.eager_sgd_step()
        _KERNEL.append(guard.Machinery())


def refuse_kernel_patches(results: dict) -> dict:
    """Workers are forks of this kernel: what a cell did to torch, numpy or the checks (`torch.Tensor.item =
    ...`) is in every worker before any kata runs, where the worker cannot tell it from torch's own. So each
    pass becomes an error naming what changed since the extension was loaded: a pass judged by a changed
    torch is not a pass. (The settings are another matter: workers start from torch's defaults.)"""
    from katakit.results import Check, Failure

    changed = _KERNEL[0].patched() if _KERNEL else []
    if not changed:
        return results
    shown = ", ".join(changed[:4]) + (f" and {len(changed) - 4} more" if len(changed) > 4 else "")
    failure = Failure(f"Not counted as a pass: a cell of this kernel changed what the checks rely on ({shown}), "
                      "and every check runs in a copy of this kernel. Restart the kernel (Jupyter: Kernel > "
                      "Restart Kernel; Colab: Runtime > Restart session), run your cells again, and leave torch's "
                      "functions as they are.", "kernel patched")
    for result in results.values():
        if result.status == "passed":
            result.checks.insert(0, Check(KERNEL_CHECK, "error", [failure]))
            result.status = "error"
    return results


KERNEL_CHECK = "this kernel's torch and checks are as the extension found them"


def _show(root: Path, kata: manifest.Kata, note: str = "", then=None) -> bool:
    """Check a kata and show its report; `then(result)` may add a last line (what the cell defined)."""
    from katakit import views

    result = results(root, [kata.id])[kata.id]
    magics = in_ipython()
    lines = ([f"[dim]{note}[/]"] if note else []) + views.kata_lines(kata, result, notebook=magics)
    lines += _kernel_note()
    if result.status == "passed":
        lines.append(f"\n[green]{kata.id} passes.[/] Compare with our solution: "
                     f"[bold]{views.command(f'solution {kata.id}', magics)}[/]")
    if then is not None:
        lines += [line for line in [then(result)] if line]
    _out(lines)
    return result.status == "passed"


def _kernel_note() -> list[str]:
    """One line when this kernel's torch settings are not a fresh process's: the checks ran with the shipped
    defaults (katakit.guard.SHIPPED) all the same, and the learner should know their cells see others."""
    from rich.markup import escape

    from katakit import guard

    differ = guard.differences_from_shipped()
    return [f"[dim]Note: this kernel's {escape('; '.join(differ))}; the checks ran with torch's defaults.[/]"] if differ else []


def _loaded(result) -> bool:
    """Whether the checks could load the kata's code: some check of the code got a verdict (passed, failed, not
    started). When every one is an error, the file did not import, its top level ran out of time or ended its
    worker, or it changed shared state: run in the kernel, it could hang or end the kernel, or change it."""
    return any(c.part == "code" and c.outcome != "error" for c in result.checks)


def _settings() -> dict:
    """The kernel's process-wide settings that a cell's top level could change for every later cell (its random
    numbers are its own business)."""
    import os

    import torch

    return {"torch's default dtype": torch.get_default_dtype(), "grad mode": torch.is_grad_enabled(),
            "anomaly mode": (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()),
            "deterministic algorithms": torch.are_deterministic_algorithms_enabled(),
            "torch's threads": torch.get_num_threads(), "print options": dict(vars(torch._tensor_str.PRINT_OPTS)),
            "the working folder": os.getcwd(), "the recursion limit": sys.getrecursionlimit(),
            "the standard streams": (id(sys.stdin), id(sys.stdout), id(sys.stderr))}


def define(root: Path, name: str, text: str, result) -> str:
    """%%kata's last step, after the check: run the cell as the module it became and put what it defines (its
    functions, and its other top-level names) into the notebook, so the next cell can call them, as Kaggle
    Learn's binder does. It runs as its file (module name and __file__ of katas/<name>), so what the notebook
    calls behaves as what was checked. Only when the worker could load it; a stub is defined too: calling it
    raises NotImplementedError, which is the truth. Returns one line for the report."""
    import types

    from rich.markup import escape

    shell = sys.modules["IPython"].get_ipython() if in_ipython() else None
    if shell is None:
        return ""
    if not _loaded(result):
        return ("[yellow]Not defined here:[/] every check of this code ended in an error (see above), "
                "so it was not run here: it could stop or hang the kernel.")
    from katakit import guard

    path = root / "katas" / name
    module = types.ModuleType(f"katas.{Path(name).stem}")
    module.__file__ = str(path)
    state, before = guard.GlobalState(), _settings()
    try:
        exec(compile(text, str(path), "exec"), module.__dict__)
    except Exception as err:  # the worker loaded it, the kernel did not (it differs in what it has): say so
        state.restore()
        return f"[yellow]Not defined here:[/] running it here raised {type(err).__name__}: {escape(str(err))}"
    changed = [key for key, value in _settings().items() if value != before[key]]
    if changed:  # the kernel's settings are every later check's starting point: put them back
        state.restore()
        return (f"[yellow]Not defined here:[/] its top level changed {', '.join(changed)}, which would "
                "change every later cell and check; that was put back. Change settings inside your functions, "
                "if at all.")
    names = {key: value for key, value in vars(module).items() if not key.startswith("__")}
    shell.user_ns.update(names)
    own = [key for key, value in names.items() if getattr(value, "__module__", None) == module.__name__]
    shown = own or list(names)
    if not shown:
        return ""
    return (f"[dim]Defined here too: {escape(', '.join(shown[:6]))}"
            f"{' …' if len(shown) > 6 else ''}. Call {'it' if len(shown) == 1 else 'them'} in the next cell.[/]")


def check(kata_id: str) -> bool:
    """Check one kata and show its report; True when it passes. Re-reads the kata's files every time."""
    root = _root()
    if root is None:
        _say(OUTSIDE.format(here=Path.cwd()))
        return False
    try:
        kata = manifest.get(kata_id, manifest.load(root))
    except ValueError as err:
        _say(str(err))
        return False
    return _show(root, kata)


def save_cell(kata_id: str, text: str, suffix: str) -> bool:
    """The body of %%kata / %%answer: write the cell to the kata's file (backing up the old one), then check."""
    root = _root()
    if root is None:
        _say(OUTSIDE.format(here=Path.cwd()))
        return False
    try:
        kata = manifest.get(kata_id, manifest.load(root))
    except ValueError as err:
        _say(f"{err} Write it on the cell's first line: %%kata q13")
        return False
    name = next((f for f in kata.files if f.endswith(suffix)), None)
    if name is None:
        other = "%%answer" if suffix == ".py" else "%%kata"
        _say(f"{kata.id} has no {suffix} file ({', '.join(kata.files)}): use {other} {kata.id} for it.")
        return False
    try:
        changed, kept = files.save(root, name, text)
    except (OSError, ValueError) as err:  # read-only katas/, a link, a FIFO: one line, nothing changed
        _say(_could_not("save", f"katas/{name}", err))
        return False
    note = (f"Saved katas/{name}" + (f"; the previous version is in {kept.relative_to(root).as_posix()}." if kept else ".")
            if changed else f"katas/{name} is unchanged.")
    then = (lambda result: define(root, name, text, result)) if suffix == ".py" else None
    return _show(root, kata, note, then)


def _could_not(verb: str, shown: str, err: Exception) -> str:
    if isinstance(err, files.Refused):
        return str(err)
    reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    if isinstance(err, OSError) and err.filename and not str(err.filename).endswith(shown):
        reason += f" ({err.filename})"  # the folder or backup that failed, not the kata file itself
    return (f"Could not {verb} {shown}: {reason}. Nothing was changed; check that katas/ and .katas/ are writable folders "
            "(in Colab or Kaggle: that the clone is in the working folder).")


def katas_command(line: str) -> int:
    """%katas [COMMAND ...]: the `katas` command in the notebook; `plot` shows the PNGs inline. A line that does
    not parse (an open quote, an unknown command) gets one line, as in a terminal, never a traceback."""
    from katakit import cli

    try:
        args = shlex.split(line)
    except ValueError as err:  # shlex: "No closing quotation"
        _say(f"%katas {line.strip()}: {err} (a quote opened and not closed). For example: %katas hint q13")
        return 2
    parsed = _parse(cli, args)
    if isinstance(parsed, int):
        return parsed
    if args[:1] == ["watch"]:
        print("In a notebook, run the kata's %%kata cell again instead of `katas watch`.")
        return 2
    if args[:1] == ["plot"]:
        return _plot_inline(args[1:])
    if _root() is None:
        _say(OUTSIDE.format(here=Path.cwd()))
        return 2
    if args[:1] == ["quiz"]:  # printed as it goes: each question must show before input() waits for its answer
        return cli.main(args, Console(highlight=False, soft_wrap=True))
    return _captured(lambda console: cli.main(args, console))


def _parse(cli, args: list[str]):
    """args checked with the `katas` parser first: --help prints the help (0); an error prints argparse's own
    one-line reason (2). Anything else: None (go on)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.build_parser().parse_args(args)
    except SystemExit as done:
        if done.code in (0, None):
            print(out.getvalue(), end="")
            return 0
        reason = re.sub(r"^katas( [\w-]+)?: error: ", "", (err.getvalue().strip().splitlines() or ["not a command"])[-1])
        _say(f"%katas {' '.join(args)}: {reason}. `%katas --help` lists the commands.")
        return 2
    return None


def _captured(command) -> int:
    """Run a `katas` command with its console recorded, then show what it printed as one block."""
    from katakit import views

    width = 110 if in_notebook() else Console().width  # IPython in a terminal: the terminal's width
    console = Console(record=True, file=io.StringIO(), width=width, highlight=False, force_terminal=True,
                      force_jupyter=False)
    console.katas_notebook = True  # commands are named as magics: `%katas hint q13`
    code = command(console)
    if in_notebook():
        text = console.export_text(styles=False, clear=False)
        _display(text, views.render_html([], width=110, recorded=console))
    else:
        print(console.export_text(styles=False), end="")
    return code


def _plot_inline(args: list[str]) -> int:
    from IPython.display import Image, display

    from katakit import cli

    root = _root()
    if root is None:
        print(OUTSIDE.format(here=Path.cwd()))
        return 2
    out = root / "plots"
    code = _captured(lambda console: cli.main(["plot", "--out", str(out), *args], console))
    for png in ("training_curve.png", "learning_rates.png"):
        if (out / png).is_file():
            display(Image(filename=str(out / png)))
    return code


def load_ipython_extension(ipython) -> None:
    """`%load_ext katakit`: register %%kata, %%answer and %katas, and name commands as magics from now on (in
    this kernel and in the workers it starts)."""
    import os

    os.environ[frontend.ENV] = "ipython"
    _record_kernel()  # before any cell after this one can change torch

    def kata(line, cell):  # noqa: F811 - the magic's name is what the learner types
        save_cell(line.strip(), cell, ".py")

    def answer(line, cell):
        save_cell(line.strip(), cell, ".md")

    def katas(line):
        katas_command(line)

    ipython.register_magic_function(kata, "cell", "kata")
    ipython.register_magic_function(answer, "cell", "answer")
    ipython.register_magic_function(katas, "line", "katas")


# The workbook ---------------------------------------------------------------------------------------


def _cell(kind: str, text: str) -> dict:
    cell = {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True)}
    if kind == "code":
        cell |= {"execution_count": None, "outputs": []}
    return cell


INTRO = """# Gradient descent katas: the workbook

The 44 review questions of *Gradient Descent and Linear Regression with PyTorch*, one or two cells each.
A cell that starts with `%%kata q13` is your code for kata q13; `%%answer q24` is your written answer.
Edit a cell and run it (Shift+Enter): it is saved to `katas/` (your previous version goes to
`.katas/backups/`), checked at once, and its functions are defined here, so the next cell can call them.
Your files in `katas/` are the single source of truth: `katas` in a terminal and your fork's CI see the same
work. `%katas hint q13` gives a hint, `%katas` your progress.

Run the next cell first. To rebuild this workbook from your files: `katas notebook` (the old one is kept).

**Open in Colab** (the link beside each kata) opens this workbook from {where} on GitHub, branch `{branch}`,
once you have pushed it (`git add {path} && git commit -m workbook && git push`); its first cell then
fetches your katas and installs them. {placeholder}Colab's files are lost when its session ends: commit and
push from there (`!git add katas && git commit -m q13 && git push`) or download `katas/`.
"""
PLACEHOLDER = ("No GitHub remote named origin was found here, so the links and the first cell name "
               "`YOU/gradient-descent-katas`: replace it with your fork's OWNER/NAME. ")
SETUP = """# Setup. In your clone this loads the katas' magics. On Colab or Kaggle (no katas.toml here) it first
# fetches your katas from GitHub and installs them, which takes about a minute (torch is already there).
import os

if not os.path.exists("katas.toml"):
    if not os.path.isdir("{repo}"):
        !git clone -q https://github.com/{owner}/{repo}
    %cd {repo}
    %pip install -q -e .
%load_ext katakit
%katas"""
COLAB = "https://colab.research.google.com/github/{owner}/{repo}/blob/{branch}/{path}"


def _git(root: Path, *args: str) -> str:
    import subprocess

    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def github(root: Path) -> tuple[str, str, str] | None:
    """(owner, repo, branch) of this clone's `origin` when it is on GitHub, else None."""
    import re

    url = _git(root, "remote", "get-url", "origin")
    found = re.fullmatch(r"(?:https://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
                         r"([\w.-]+)/([\w.-]+?)(?:\.git)?/?", url)
    if not found:
        return None
    branch = _git(root, "rev-parse", "--abbrev-ref", "HEAD")
    return found.group(1), found.group(2), branch if branch and branch != "HEAD" else "main"


def colab_link(owner: str, repo: str, branch: str, path: str, kata_id: str = "") -> str:
    """Colab opens a notebook from GitHub by this address; scrollTo asks it to show that kata's cell (Colab
    ignores an id it does not know, and the notebook opens at its top, with the setup cell)."""
    return COLAB.format(owner=owner, repo=repo, branch=branch, path=path) + (f"#scrollTo={kata_id}" if kata_id else "")


def workbook(root: Path, katas: list[manifest.Kata], path: Path | None = None,
             where: tuple[str, str, str] | None = None) -> dict:
    where = where or github(root)  # (owner, repo, branch); given for the shipped notebooks/colab.ipynb
    owner, repo, branch = where or ("YOU", "gradient-descent-katas", "main")
    path = path or root / WORKBOOK
    shown = (path.relative_to(root) if path.is_relative_to(root) else Path(path.name)).as_posix()
    intro = INTRO.format(where=f"`{owner}/{repo}`", branch=branch, path=shown,
                         placeholder="" if where else PLACEHOLDER)
    cells = [_cell("markdown", intro), _cell("code", SETUP.format(owner=owner, repo=repo))]
    for kata in katas:
        what = {"code": "Write the function below: its docstring says what it takes and what it returns.",
                "written": "Write your answer in your own words, tick the true statements (`- [x]`), and fill in "
                           "the blanks.",
                "both": "Write the function, then the written answer: tick the true statements (`- [x]`) and fill "
                        "in the blanks."}[kata.kind]
        link = colab_link(owner, repo, branch, shown, kata.id)
        heading = _cell("markdown", f"## {kata.id} · {kata.title}\n\n[Open in Colab]({link})\n\n> {kata.question}\n\n"
                                    f"{what} Stuck? `%katas hint {kata.id}`.")
        heading["id"] = heading["metadata"]["id"] = kata.id  # what the link's scrollTo names
        cells.append(heading)
        for name in kata.files:
            source = files.kata_file(root, name)  # a FIFO is never opened (it would wait forever); a link is refused
            text = source.read_bytes().decode("utf-8", errors="replace") if source else shipped.stub(name) or ""
            magic = "%%kata" if name.endswith(".py") else "%%answer"
            cells.append(_cell("code", f"{magic} {kata.id}\n{text.rstrip(chr(10))}"))
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                        "language": "python"},
                                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def write_workbook(root: Path, katas: list[manifest.Kata], path: Path) -> Path | None:
    """Write the workbook from the learner's current files; an existing one goes to .katas/backups/ first.
    Every kata file is read (and refused by name when it is a link, a FIFO or a folder) before anything is
    written; an existing workbook that is not a regular file is refused too, so nothing is written through it."""
    book = workbook(root, katas, path)
    for n, cell in enumerate(book["cells"]):
        cell.setdefault("id", f"cell-{n}")  # a kata's heading keeps its own id: its Colab link scrolls to it
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise files.Refused(f"{path.name} is a link or not a regular file: `katas notebook` writes nothing through "
                            "it. Remove it, or write the workbook elsewhere with --out.")
    kept = files.backup(root, path) if path.is_file() else None
    path.write_text(json.dumps(book, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return kept


if __name__ == "__main__":
    sys.exit(check(sys.argv[1]) is False)
