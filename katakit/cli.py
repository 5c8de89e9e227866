"""The `katas` command: progress, checks, hints, watch, reset, solutions, review, plots, reports."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from katakit import environment, journal, manifest, review, shipped, views


def _console() -> Console:
    # rich drops colour when output is not a terminal and honours NO_COLOR
    return Console(highlight=False, soft_wrap=not views.wraps())


def _command(console, rest: str) -> str:
    """A `katas` command as the learner types it where this console shows: `%katas …` in a notebook."""
    return views.command(rest, views.in_notebook(console))


def _guarded(root, ids=None, base=None, record=True, isolate=False) -> tuple[dict, shipped.Guard]:
    """The results, with every pass refused while the tests or the checker differ from what was shipped (or
    from the starting commit, or `base`), and the guard that judged. `record`: log each attempt in the journal
    (a fork's CI does not: its report carries the learner's own journal). `isolate`: a fresh worker per kata."""
    # imported here: run imports torch through the tests, and `katas --help` stays instant
    from katakit import notebook, run

    if notebook.in_notebook():  # %katas: the kernel's warm session, collected once
        results = notebook.results(root, ids or [k.id for k in manifest.load(root)])
    else:  # (IPython in a terminal with the extension loaded: the same refusal as in a notebook)
        extra = ("--kata-isolate",) if isolate else ()
        results = notebook.refuse_kernel_patches(run.run(ids, root=root, record=record, extra_args=extra))
    found = shipped.guard(root, base)
    results = printable(shipped.refuse(results, found))
    if record:
        _log_checks(root, results)
    return results, found


def _log_checks(root, results) -> None:
    """A `check` event per kata checked with new content (an attempt), for the teacher's report; never fatal."""
    from katakit import history

    try:
        history.log_checks(root, manifest.load(root), results)
    except Exception:  # the record is a courtesy; a check's verdict never depends on it
        pass


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def printable(results: dict) -> dict:
    """Messages and output as text any terminal, file or JSON report can hold: a learner's exception message
    may carry a lone surrogate (no encoding can write it: every print would fail) or control characters
    (\\x1b would restyle the terminal). Each is shown as its escape, so the message still says what was there."""
    def clean(text: str) -> str:
        return _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], text) if _UNPRINTABLE.search(text) else text

    for result in results.values():
        result.output = clean(result.output)
        for check in result.checks:
            check.name = clean(check.name)
            check.notes = [clean(note) for note in check.notes]
            for failure in check.failures:
                failure.message, failure.cause = clean(failure.message), clean(failure.cause)
    return results


def _check(root, ids=None, record=True):
    return _guarded(root, ids, record=record)[0]


def _warn_tampering(console, root, found: shipped.Guard | None = None) -> list[str]:
    found = found or shipped.guard(root)
    changed = found.changed
    if changed:
        views.say(console, f"[yellow]Warning: the tests, the references or the checker differ from what was shipped "
                           f"in {views.plural(len(changed), 'file')}: {escape(', '.join(changed[:5]))}"
                           f"{' …' if len(changed) > 5 else ''}. No kata passes while they do; "
                           f"{escape(found.way_back())}.[/]")
    if found.foreign:
        console.print(f"[yellow]Warning: {escape(', '.join(found.foreign))}: pytest configuration that was not shipped. "
                      "`katas` ignores it; plain `pytest` would read it.[/]")
    if found.note:
        console.print(f"[dim]Note: {escape(found.note)}.[/]")
    return [f"tests or references were edited: {', '.join(changed)}"] if changed else []


def cmd_status(args, root, katas, console) -> int:
    results, found = _guarded(root)
    _warn_tampering(console, root, found)
    views.show_progress(console, katas, results)
    if (root / review.REVIEW_FILE).is_file():
        console.print(review.summary(root, katas))
    _show_learning(root, katas, results, console)
    kata = views.next_kata(katas, results)
    if kata is None:
        console.print("\n[bold green]All 44 katas pass[/] (every one re-checked just now). "
                      f"Compare your written answers with ours: [bold]{_command(console, 'review')}[/]")
        return 0
    views.show_kata(console, kata, results[kata.id], full=False)
    return 0


def _show_learning(root, katas, results, console) -> None:
    """The first tries so far and the written parts due for a quiz (from the journal)."""
    from katakit import notebook, quiz

    learned = quiz.learning(root, katas, results)
    command = "%katas quiz" if notebook.in_notebook() else "katas quiz"
    for line in views.learning_lines(learned, quiz.due_parts(learned, quiz.now().date()), command):
        console.print(line)


def cmd_check(args, root, katas, console) -> int:
    if args.ids:
        chosen = [manifest.get(kata_id, katas) for kata_id in args.ids]
        results, found = _guarded(root, [k.id for k in chosen])
        if not any(results[k.id].checks[:1] and results[k.id].checks[0].name == shipped.REFUSED for k in chosen):
            _warn_tampering(console, root, found)  # (a refused pass says it in the kata's own report)
        for kata in chosen:
            views.show_kata(console, kata, results[kata.id])
            if results[kata.id].status == "passed":
                console.print(f"\n[green]{kata.id} passes.[/] See our solution and the other ways that pass: "
                              f"[bold]{_command(console, f'solution {kata.id}')}[/]")
                for line in views.links_lines(kata):
                    console.print(line)
        return 0 if all(results[k.id].status == "passed" for k in chosen) else 1
    results, found = _guarded(root)
    _warn_tampering(console, root, found)
    views.show_list(console, katas, results)
    views.show_progress(console, katas, results)
    return 0 if all(r.status == "passed" for r in results.values()) else 1


def cmd_list(args, root, katas, console) -> int:
    cmd_check(argparse.Namespace(ids=[]), root, katas, console)
    return 0  # listing is not a verdict


def cmd_hint(args, root, katas, console) -> int:
    if args.id is None:  # the kata `katas` shows next, as `h` in watch hints the kata on screen
        kata = views.next_kata(katas, _check(root))
        if kata is None:
            console.print("Every kata passes: no hint needed. Name one to see its hints anyway: "
                          f"[bold]{_command(console, 'hint q13')}[/]")
            return 0
    else:
        kata = manifest.get(args.id, katas)
    level = max(1, min(args.level, len(kata.hints)))
    console.print(f"[bold]{kata.id} · {escape(kata.title)}[/]  hint {level} of {len(kata.hints)}")
    for n, hint in enumerate(kata.hints[:level], start=1):
        views.say(console, f"  {n}. {escape(hint)}")
    if level < len(kata.hints):
        console.print(f"\n  Still stuck? [bold]{_command(console, f'hint {kata.id} --level {level + 1}')}[/]")
    else:  # the last hint: the reading is the next help
        for line in views.links_lines(kata):
            console.print(line)
    journal.log(root, "hint", kata.id, level=level)
    return 0


def _history(root, katas) -> dict:
    from katakit import history

    try:
        return history.summary(root, katas)
    except Exception:  # an unreadable journal loses the teacher's columns, never the report
        return {}


def cmd_report(args, root, katas, console) -> int:
    from katakit import quiz

    results, found = _guarded(root)
    learned = quiz.learning(root, katas, results)
    warnings = ([f"tests or references were edited, so no kata counts as passed: {', '.join(found.changed)}"]
                if found.changed else []) + ([f"pytest configuration that was not shipped (`katas` ignores it): "
                                              f"{', '.join(found.foreign)}"] if found.foreign else [])
    if args.junit:
        path = args.here / args.junit
        path.write_text(views.report_junit(katas, results), encoding="utf-8")
        console.print(f"Wrote {path}: JUnit XML, a test suite per kata.")
        return 0
    if args.markdown:
        print(views.report_markdown(katas, results, warnings, learning=learned), end="")
    else:
        print(views.report_json(katas, results, learning=learned, warnings=warnings, history=_history(root, katas)))
    return 0


def cmd_quiz(args, root, katas, console) -> int:
    from katakit import notebook, quiz

    if args.count < 0:
        raise ValueError("--count wants 0 or more questions.")
    with_reserve = [k.id for k in katas if quiz.reserve(root, k)]  # only these can be asked: check only these
    results = _check(root, with_reserve) if with_reserve else {}
    return quiz.run(root, katas, results, console, count=args.count, seed=args.seed, everything=args.all,
                    answers=args.answer, echo=not (sys.stdin and sys.stdin.isatty()) and not notebook.in_notebook())


def cmd_roster(args, root, katas, console) -> int:
    from rich.table import Table

    from katakit import classroom

    folder = args.here / args.folder
    if not folder.is_dir():
        console.print(f"[red]{escape(str(folder))} is not a folder.[/] Put one `katas report --json` file per learner in it.")
        return 2
    learners, skipped = classroom.read_reports(folder)
    warn = Console(stderr=True, highlight=False) if args.csv or args.markdown else console  # keep the data clean
    for line in skipped:
        warn.print(f"[yellow]Skipped {escape(line)}[/]")
    if not learners:
        console.print(f"No reports in {escape(str(folder))}. Each learner's fork uploads one as the `katas-report` "
                      "artifact; README, 'For teachers', shows how to download them all.")
        return 1
    if args.csv:
        print(classroom.csv_text(learners, katas), end="")
        return 0
    if args.markdown:
        print(classroom.markdown(learners, katas, skipped), end="")
        return 0
    people, per_kata = classroom.table_rows(learners, katas)
    first, per_part = classroom.learning_rows(learners, katas)
    for title, columns, rows in ((views.plural(len(learners), "learner"), ("learner", "passed", "next kata"), people),
                                 ("katas", ("kata", "passed by", "failing", "pass rate"), per_kata),
                                 ("written parts: first tries and quizzes", classroom.LEARNING_COLUMNS[0], first),
                                 ("written parts", classroom.LEARNING_COLUMNS[1], per_part)):
        table = Table(*columns, title=title)
        for row in rows:
            table.add_row(*map(escape, row))
        console.print(table)
    table = Table("learner", "passed", "hint levels seen", "solutions opened before a pass", "checks", "time",
                  title="hints, solutions and checks")
    for row in classroom.effort_rows(learners, katas):
        table.add_row(*map(escape, row))
    console.print(table)
    forced = classroom.most_forced(learners, katas)
    console.print("[bold]Opened before a pass most often:[/] " + (
        ", ".join(f"{k} ({n} of {len(learners)})" for k, n in forced) if forced else "none"))
    console.print("[bold]The checks that fail most often[/]")
    for kata_id, name, n, message in classroom.common_failures(learners):
        console.print(f"  {kata_id}: {n} of {len(learners)} fail [italic]{escape(name)}[/]" + (
            f": {escape(message)}" if message else ""))
    if args.png:
        try:
            classroom.heatmap(learners, katas, args.here / args.png)
        except ImportError:
            console.print("The heat map needs matplotlib: pip install -e '.[plot]'", markup=False)
            return 2
        console.print(f"Wrote {escape(args.png)}")
    return 0


def cmd_classroom(args, root, katas, console) -> int:
    from katakit import classroom

    path = root / classroom.WORKFLOW
    text = classroom.workflow(katas)
    if args.check:
        same = path.is_file() and path.read_text(encoding="utf-8") == text
        console.print(f"{classroom.WORKFLOW} {'matches katas.toml' if same else 'differs from katas.toml: run `katas classroom`'}.")
        return 0 if same else 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    console.print(f"Wrote {classroom.WORKFLOW}: a grader step per kata ({len(katas)} points).")
    return 0


def cmd_ci(args, root, katas, console) -> int:
    """The fork's CI: a Markdown progress table (also to $GITHUB_STEP_SUMMARY) and a verdict that is red
    when a kata the learner touched fails or has no result, or when tests or references were edited.
    Whatever happens, the summary is written and the exit status is not 0 unless the verdict is green."""
    from katakit import files

    try:
        # record=False: the report's first tries are the learner's journal, not this run's own check
        # a fresh worker per kata: the verdict CI gives cannot depend on what another kata left in a process
        results, found = _guarded(root, base=args.base, record=False, isolate=True)
        changed = found.changed + found.foreign
        if found.note:
            print(f"> Note: {found.note}.\n")
        touched = [k for k in katas if any(files.differs_from_stub(root, name) for name in k.files)]
        refused = {i for i, r in results.items() if r.checks[:1] and r.checks[0].name == shipped.REFUSED}
        broken = [k.id for k in touched if results.get(k.id) is None or (
            results[k.id].status in ("failed", "error") and k.id not in refused)]
        warnings = ([f"tests, references or the checker were edited, so no kata counts as passed: "
                     f"{', '.join(found.changed)}. {found.way_back()}."] if found.changed else []) + (
            [f"pytest configuration that was not shipped: {', '.join(found.foreign)} (`katas` ignores it; plain "
             "`pytest` would read it)."] if found.foreign else [])
        text = views.report_markdown(katas, results, warnings)
        if args.report:
            from katakit import quiz

            learned = quiz.learning(root, katas, results)
            (args.here / args.report).write_text(views.report_json(katas, results, learning=learned,
                                                                   warnings=warnings,
                                                                   history=_history(root, katas)) + "\n", encoding="utf-8")
    except Exception as err:  # the checker itself broke: say so, and never call that green
        text = f"## Gradient descent katas\n\nThe checks could not run: {type(err).__name__}: {err}\n"
        broken, changed, touched = ["(all)"], [], []
    if broken or changed:
        reasons = ([f"touched katas that fail: {', '.join(broken)}."] if broken else []) + (
            [f"Edited or added: {', '.join(changed)}."] if changed else [])
        verdict = "**Verdict: red** — " + " ".join(reasons)
    else:
        verdict = f"**Verdict: green** — every kata you touched passes or is not finished yet ({len(touched)} touched)."
    text += "\n" + verdict + "\n"
    print(text, end="")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(text)
    return 1 if broken or changed else 0


def cmd_reset(args, root, katas, console) -> int:
    from katakit import files

    kata = manifest.get(args.id, katas)
    changed = [name for name in kata.files if files.differs_from_stub(root, name)]
    if not changed:
        console.print(f"{kata.id} is already the untouched stub; nothing to reset.")
        return 0
    for name in changed:  # a link, a FIFO or a folder is refused by name before anything is written
        files.kata_file(root, name)
    files.no_links(root, files.BACKUPS)
    if not args.yes:
        if not sys.stdin.isatty():
            console.print(f"Resetting {kata.id} replaces {', '.join(changed)} with the stub. "
                          f"Run [bold]{_command(console, f'reset {kata.id} --yes')}[/] to confirm (your version is "
                          "backed up).")
            return 2
        reply = input(f"Replace katas/{', katas/'.join(changed)} with the stub? Your version is kept as a backup. [y/N] ")
        if reply.strip().lower() not in ("y", "yes"):
            console.print("Nothing changed.")
            return 1
    for name in changed:
        backup = files.reset(root, name)
        kept = f" Your version is saved as {backup.relative_to(root)}" if backup else ""
        console.print(f"Reset katas/{name}.{kept}")
    return 0


def cmd_solution(args, root, katas, console) -> int:
    from katakit import solutions

    kata = manifest.get(args.id, katas)
    status = _check(root, [kata.id])[kata.id].status
    if status != "passed" and not args.force:
        console.print(f"{kata.id} does not pass yet ({views.LABEL[status]}). Our solution is shown once it passes, "
                      f"so you get to solve it first. Try [bold]{_command(console, f'hint {kata.id}')}[/]; "
                      f"to look anyway: [bold]{_command(console, f'solution {kata.id} --force')}[/]")
        return 1
    if status != "passed":
        console.print("[yellow]Showing the solution of a kata you have not solved. Reading it now means you "
                      "skip the part where you learn it; close it and try once more if you can.[/]")
    journal.log(root, "solution", kata.id, forced=status != "passed")
    if args.diff:
        pairs = []
        for name in kata.files:
            mine = root / "katas" / name
            pairs.append((name, mine.read_bytes().decode("utf-8", errors="replace") if mine.is_file() else "",
                          (root / "reference" / name).read_text(encoding="utf-8")))
        for line in views.diff_lines(kata, pairs):
            console.print(line)
        return 0
    views.show_solution(console, root, kata, solutions.ways(root, kata))
    return 0


def cmd_watch(args, root, katas, console) -> int:
    from katakit import watch

    return watch.main(root, katas, console)


def cmd_review(args, root, katas, console) -> int:
    return review.main(root, katas, console, args.id)


def cmd_notebook(args, root, katas, console) -> int:
    from katakit import colab, notebook

    path = args.here / args.out
    kept = notebook.write_workbook(root, katas, path)
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    console.print(f"Wrote {shown}: one cell per kata, holding your current files."
                  + (f" The previous workbook is in {kept.relative_to(root)}." if kept else ""))
    import importlib.util

    if notebook.in_notebook():  # Colab and Kaggle open notebooks from GitHub or Drive, not from this disk
        console.print(escape(f"Open {shown} from this Jupyter's file browser. In Colab or Kaggle, open "
                             f"{colab.NOTEBOOK.as_posix()} from GitHub instead (README, 'In Jupyter'): it holds the "
                             "same cells."))
    elif importlib.util.find_spec("jupyterlab") is not None:
        console.print(escape(f"Open it with `jupyter lab {shown}` (or in VS Code) and run its first cell."))
    else:  # the kernel alone (ipykernel) cannot open a notebook
        console.print(escape(f"Open it in VS Code, or install JupyterLab first: `pip install -e '.[notebook]'`, then "
                             f"`jupyter lab {shown}`. Run its first cell."))
    return 0


def cmd_plot(args, root, katas, console) -> int:
    from katakit import plot

    return plot.main(root, console, Path(args.out))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="katas", description="Gradient descent katas: with no command, show progress and the next kata.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("check", help="check katas (q13 or 13; several at once too) or all; exit 1 when a checked "
                       "kata does not pass")
    p.add_argument("ids", nargs="*", metavar="ID", help="kata ids such as q13 or 13; all katas when left out")
    p.set_defaults(func=cmd_check)
    sub.add_parser("list", help="every kata with its status").set_defaults(func=cmd_list)
    p = sub.add_parser("hint", help="hints for a kata, one level at a time")
    p.add_argument("id", nargs="?", help="kata id such as q13 or 13; the kata `katas` shows next when left out")
    p.add_argument("--level", type=int, default=1, help="show hints 1 to LEVEL (default 1)")
    p.set_defaults(func=cmd_hint)
    sub.add_parser("watch", help="re-check the kata you save, instantly").set_defaults(func=cmd_watch)
    p = sub.add_parser("reset", help="restore a kata's stub; your version is kept as a backup")
    p.add_argument("id", help="kata id such as q13 or 13")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_reset)
    p = sub.add_parser("solution", help="show our solution and the other ways that pass (the lesson's first), "
                       "once your kata passes")
    p.add_argument("id", help="kata id such as q13 or 13")
    p.add_argument("--force", action="store_true", help="show it even though your kata does not pass yet")
    p.add_argument("--diff", action="store_true", help="show only how your file differs from ours (a unified diff)")
    p.set_defaults(func=cmd_solution)
    p = sub.add_parser("review", help="compare your written answers with ours and mark what you covered")
    p.add_argument("id", nargs="?", help="one written kata; all passed written katas when left out")
    p.set_defaults(func=cmd_review)
    p = sub.add_parser("quiz", help="retrieval practice: a few questions you have not seen on the written parts you "
                       "passed, spaced over days; answers are recorded in .katas/")
    p.add_argument("--count", type=int, default=5, help="how many questions (default 5)")
    p.add_argument("--all", action="store_true", help="ask about every passed written part, due or not")
    p.add_argument("--seed", type=int, default=None, help="seed of the random order (to repeat a quiz)")
    p.add_argument("--answer", action="append", default=[], metavar="TEXT",
                   help="an answer given in advance, in order (repeat it); for notebooks without typed input")
    p.set_defaults(func=cmd_quiz)
    p = sub.add_parser("plot", help="PNG plots: your training curve against ours, and a learning-rate sweep")
    p.add_argument("--out", default="plots", help="folder for the PNG files (default: plots)")
    p.set_defaults(func=cmd_plot)
    p = sub.add_parser("notebook", help="write workbook.ipynb: every kata as a %%%%kata or %%%%answer cell holding your "
                       "current file (an existing workbook is backed up first)")
    p.add_argument("--out", default="workbook.ipynb", help="where to write it (default: workbook.ipynb)")
    p.set_defaults(func=cmd_notebook)
    p = sub.add_parser("ci", help="CI on your fork: progress table (job summary) and a verdict that is red only "
                       "when a kata you touched fails, or the tests were edited")
    p.add_argument("--base", metavar="COMMIT", help="judge edits to the tests and the machinery against this commit "
                   "(the one your fork started from), by git, instead of the shipped checksums")
    p.add_argument("--report", metavar="PATH", help="also write the results as JSON (what `katas report --json` "
                   "prints) to PATH, from the same run")
    p.set_defaults(func=cmd_ci)
    p = sub.add_parser("report", help="results for machines (--json, default) or a CI summary (--markdown)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="JSON: total, passed, and each kata's status")
    group.add_argument("--markdown", action="store_true", help="a Markdown table for a CI job summary")
    group.add_argument("--junit", metavar="PATH", help="write JUnit XML to PATH (a test suite per kata, a test case per "
                       "check), for GitLab, Jenkins or a test-report action")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("roster", help="for a teacher: one class table from many learners' `katas report --json` files")
    p.add_argument("folder", help="a folder of report files, one per learner (named after the learner), searched "
                   "recursively")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--markdown", action="store_true", help="Markdown tables instead of the terminal view")
    group.add_argument("--csv", action="store_true", help="CSV: a row per learner, a column per kata")
    group.add_argument("--png", metavar="PATH", help="also write a heat map (learners x katas) to PATH (needs .[plot])")
    p.set_defaults(func=cmd_roster)
    p = sub.add_parser("classroom", help="for a maintainer: write .github/workflows/classroom.yml (GitHub Classroom "
                       "autograding, a point per kata) from katas.toml")
    p.add_argument("--check", action="store_true", help="only check that the file on disk matches; exit 1 if not")
    p.set_defaults(func=cmd_classroom)
    return parser


def main(argv: list[str] | None = None, console: Console | None = None) -> int:
    """The `katas` command; argv None means the real command line (this is the whole program)."""
    args = build_parser().parse_args(argv)
    args.whole_program = argv is None
    code = _main(args, console or _console())
    if args.whole_program:  # quit at once, all said and written: the interpreter's teardown of torch takes 0.3 s
        _quit(code)
    return code


def _quit(code: int) -> None:
    """End the process now, with its output flushed (a reader that has gone only loses what it did not read)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _main(args, console: Console) -> int:
    try:
        environment.check()  # a bad KATAS_* value: one line naming it, exit status 2 (a ValueError, below)
        args.here = Path.cwd()  # paths the learner types are relative to where they typed them
        root = manifest.find_root()
        katas = manifest.load(root)
        os.chdir(root)
        return (getattr(args, "func", None) or cmd_status)(args, root, katas, console)
    except (manifest.NotAKataRepo, ValueError) as err:  # files.Refused and files.BadBytes among them: one line
        console.print(f"[red]{escape(str(err))}[/]")
        return 2
    except BrokenPipeError:  # `katas list | head -1`: the reader has gone, so nothing more can be said
        if args.whole_program:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # (Python's own advice for SIGPIPE)
        return 1
    except OSError as err:  # a read-only katas/, a file named .katas, a full disk: say which file, lose nothing
        where = f" {err.filename}" if err.filename else ""
        console.print(f"[red]Could not read or write{escape(str(where))}: {escape(err.strerror or str(err))}.[/] "
                      "Nothing else was changed. Check that the folder is writable (and that .katas is a folder).")
        return 2
    except RecursionError:  # a learner's file nested thousands deep (JSON, TOML) that a reader did not catch
        console.print("[red]A file this command read (a report, or one under .katas/) is nested too deeply to read."
                      "[/] Nothing was changed.")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
