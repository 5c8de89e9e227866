"""The `katas` command: progress, checks, hints, watch, reset, solutions, review, plots, reports."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from katakit import manifest, review, shipped, views


def _console() -> Console:
    # rich drops colour when output is not a terminal and honours NO_COLOR
    return Console(highlight=False, soft_wrap=True)


def _check(root, ids=None):
    from katakit import run  # imports torch through the tests; keep `katas --help` instant

    return run.run(ids, root=root)


def _warn_tampering(console, root) -> list[str]:
    changed = shipped.tampered(root)
    if changed:
        console.print(f"[yellow]Warning: {len(changed)} file(s) that hold the tests or the references differ from "
                      f"what was shipped: {', '.join(changed[:5])}{' …' if len(changed) > 5 else ''}. "
                      "A pass on edited tests is not a pass; `git checkout -- <file>` restores one.[/]")
    return [f"tests or references were edited: {', '.join(changed)}"] if changed else []


def cmd_status(args, root, katas, console) -> int:
    results = _check(root)
    _warn_tampering(console, root)
    views.show_progress(console, katas, results)
    if (root / review.REVIEW_FILE).is_file():
        console.print(review.summary(root, katas))
    kata = views.next_kata(katas, results)
    if kata is None:
        console.print("\n[bold green]All 44 katas pass[/] (every one re-checked just now). "
                      "Compare your written answers with ours: [bold]katas review[/]")
        return 0
    views.show_kata(console, kata, results[kata.id])
    return 0


def cmd_check(args, root, katas, console) -> int:
    if args.id:
        kata = manifest.get(args.id, katas)
        result = _check(root, [kata.id])[kata.id]
        views.show_kata(console, kata, result, max_checks=100)
        if result.status == "passed":
            console.print(f"\n[green]{kata.id} passes.[/] See our solution: [bold]katas solution {kata.id}[/]")
        return 0 if result.status == "passed" else 1
    results = _check(root)
    views.show_list(console, katas, results)
    views.show_progress(console, katas, results)
    return 0 if all(r.status == "passed" for r in results.values()) else 1


def cmd_list(args, root, katas, console) -> int:
    cmd_check(argparse.Namespace(id=None), root, katas, console)
    return 0  # listing is not a verdict


def cmd_hint(args, root, katas, console) -> int:
    kata = manifest.get(args.id, katas)
    level = max(1, min(args.level, len(kata.hints)))
    console.print(f"[bold]{kata.id} · {escape(kata.title)}[/]  hint {level} of {len(kata.hints)}")
    for n, hint in enumerate(kata.hints[:level], start=1):
        console.print(f"  {n}. {escape(hint)}")
    if level < len(kata.hints):
        console.print(f"\n  Still stuck? [bold]katas hint {kata.id} --level {level + 1}[/]")
    return 0


def cmd_report(args, root, katas, console) -> int:
    results = _check(root)
    warnings = [f"tests or references were edited: {', '.join(shipped.tampered(root))}"] if shipped.tampered(root) else []
    if args.markdown:
        print(views.report_markdown(katas, results, warnings), end="")
    else:
        print(views.report_json(katas, results, warnings=warnings))
    return 0


def cmd_ci(args, root, katas, console) -> int:
    """The fork's CI: a Markdown progress table (also to $GITHUB_STEP_SUMMARY) and a verdict that is red
    only when a kata the learner touched fails, or when tests or references were edited."""
    from katakit import files

    results = _check(root)
    changed = shipped.tampered(root)
    warnings = [f"tests or references were edited, so this is not a pass: {', '.join(changed)}"] if changed else []
    touched = [k for k in katas if any(files.differs_from_stub(root, name) for name in k.files)]
    broken = [k.id for k in touched if results[k.id].status != "passed"]
    text = views.report_markdown(katas, results, warnings)
    if broken or changed:
        reasons = ([f"touched katas that fail: {', '.join(broken)}."] if broken else []) + (
            ["Tests or references were edited."] if changed else [])
        verdict = "**Verdict: red** — " + " ".join(reasons)
    else:
        verdict = f"**Verdict: green** — every kata you touched passes ({len(touched)} touched)."
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
    if not args.yes:
        if not sys.stdin.isatty():
            console.print(f"Resetting {kata.id} replaces {', '.join(changed)} with the stub. "
                          f"Run [bold]katas reset {kata.id} --yes[/] to confirm (your version is backed up).")
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
    kata = manifest.get(args.id, katas)
    status = _check(root, [kata.id])[kata.id].status
    if status != "passed" and not args.force:
        console.print(f"{kata.id} does not pass yet ({views.LABEL[status]}). Our solution is shown once it passes, "
                      f"so you get to solve it first. Try [bold]katas hint {kata.id}[/]; "
                      f"to look anyway: [bold]katas solution {kata.id} --force[/]")
        return 1
    if status != "passed":
        console.print("[yellow]Showing the solution of a kata you have not solved. Reading it now means you "
                      "skip the part where you learn it; close it and try once more if you can.[/]")
    for name in kata.files:
        console.rule(f"reference/{name}")
        console.print(escape((root / "reference" / name).read_text(encoding="utf-8")))
    return 0


def cmd_watch(args, root, katas, console) -> int:
    from katakit import watch

    return watch.main(root, katas, console)


def cmd_review(args, root, katas, console) -> int:
    return review.main(root, katas, console, args.id)


def cmd_plot(args, root, katas, console) -> int:
    from katakit import plot

    return plot.main(root, console, Path(args.out))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="katas", description="Gradient descent katas: with no command, show progress and the next kata.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("check", help="check one kata (q13 or 13) or all; exit 1 when a checked kata fails")
    p.add_argument("id", nargs="?", help="kata id such as q13 or 13; all katas when left out")
    p.set_defaults(func=cmd_check)
    sub.add_parser("list", help="every kata with its status").set_defaults(func=cmd_list)
    p = sub.add_parser("hint", help="hints for a kata, one level at a time")
    p.add_argument("id", help="kata id such as q13 or 13")
    p.add_argument("--level", type=int, default=1, help="show hints 1 to LEVEL (default 1)")
    p.set_defaults(func=cmd_hint)
    sub.add_parser("watch", help="re-check the kata you save, instantly").set_defaults(func=cmd_watch)
    p = sub.add_parser("reset", help="restore a kata's stub; your version is kept as a backup")
    p.add_argument("id", help="kata id such as q13 or 13")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_reset)
    p = sub.add_parser("solution", help="show our solution once your kata passes")
    p.add_argument("id", help="kata id such as q13 or 13")
    p.add_argument("--force", action="store_true", help="show it even though your kata does not pass yet")
    p.set_defaults(func=cmd_solution)
    p = sub.add_parser("review", help="compare your written answers with ours and mark what you covered")
    p.add_argument("id", nargs="?", help="one written kata; all passed written katas when left out")
    p.set_defaults(func=cmd_review)
    p = sub.add_parser("plot", help="PNG plots: your training curve against ours, and a learning-rate sweep")
    p.add_argument("--out", default="plots", help="folder for the PNG files (default: plots)")
    p.set_defaults(func=cmd_plot)
    sub.add_parser("ci", help="CI on your fork: progress table (job summary) and a verdict that is red only "
                   "when a kata you touched fails").set_defaults(func=cmd_ci)
    p = sub.add_parser("report", help="results for machines (--json, default) or a CI summary (--markdown)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="JSON: total, passed, and each kata's status")
    group.add_argument("--markdown", action="store_true", help="a Markdown table for a CI job summary")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    console = _console()
    try:
        root = manifest.find_root()
        katas = manifest.load(root)
        os.chdir(root)
        return (getattr(args, "func", None) or cmd_status)(args, root, katas, console)
    except (manifest.NotAKataRepo, ValueError) as err:
        console.print(f"[red]{escape(str(err))}[/]")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
