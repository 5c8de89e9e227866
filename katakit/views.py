"""What the learner sees: progress, one kata, lists and reports. Rendering only; no checking here."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape

from katakit.manifest import Kata
from katakit.run import KataResult

MARK = {"passed": "[green]✓[/]", "failed": "[red]✗[/]", "error": "[red]![/]", "not_started": "[dim]·[/]"}
LABEL = {"passed": "passed", "failed": "failed", "error": "error", "not_started": "not started"}


def progress_bar(passed: int, total: int, width: int = 40) -> str:
    done = width * passed // total
    arrow = ">" if passed < total else ""
    return "[" + "#" * done + arrow + "-" * (width - done - len(arrow)) + f"] {passed}/{total}"


def next_kata(katas: list[Kata], results: dict[str, KataResult]) -> Kata | None:
    return next((k for k in katas if results[k.id].status != "passed"), None)


def show_progress(console: Console, katas: list[Kata], results: dict[str, KataResult]) -> None:
    passed = sum(r.status == "passed" for r in results.values())
    console.print(f"Gradient descent katas  {escape(progress_bar(passed, len(katas)))} passed")


def show_kata(console: Console, kata: Kata, result: KataResult, max_checks: int = 4) -> None:
    console.print()
    console.print(f"[bold]{kata.id} · {escape(kata.title)}[/]  ({LABEL[result.status]})")
    console.print(f"  [italic]{escape(kata.question)}[/]")
    console.print(f"  Edit: {', '.join('katas/' + f for f in kata.files)}")
    failing = result.failed_checks
    if result.status == "not_started":
        console.print(f"  [dim]{escape(failing[0].message)}[/]" if failing else "")
    else:
        for check in failing[:max_checks]:
            console.print(f"  {MARK[check.outcome]} [bold]{escape(check.name)}[/]")
            for line in check.message.splitlines():
                console.print(f"      {escape(line)}")
        if len(failing) > max_checks:
            console.print(f"  … and {len(failing) - max_checks} more failing check(s) (`katas check {kata.id}` lists all)")
    if result.status != "passed":
        console.print(f"\n  Stuck? [bold]katas hint {kata.id}[/]   Re-check: [bold]katas check {kata.id}[/]   "
                      "Re-check on save: [bold]katas watch[/]")


def show_list(console: Console, katas: list[Kata], results: dict[str, KataResult]) -> None:
    for k in katas:
        status = results[k.id].status
        console.print(f"{MARK[status]} {k.id}  {escape(k.title):<48} {LABEL[status]}")


def report_json(katas: list[Kata], results: dict[str, KataResult], **extra) -> str:
    return json.dumps({
        "total": len(katas),
        "passed": sum(results[k.id].status == "passed" for k in katas),
        **extra,
        "katas": [{"id": k.id, "status": results[k.id].status,
                   "failed_checks": [c.name for c in results[k.id].failed_checks],
                   "messages": [c.message for c in results[k.id].failed_checks]} for k in katas],
    }, indent=2, ensure_ascii=False)


def report_markdown(katas: list[Kata], results: dict[str, KataResult], warnings: list[str] = ()) -> str:
    passed = sum(results[k.id].status == "passed" for k in katas)
    lines = [f"## Gradient descent katas: {passed}/{len(katas)} passed", ""]
    lines += [f"> **Warning:** {w}" for w in warnings]
    lines += ["", "| kata | title | status | first failing check |", "|---|---|---|---|"]
    icons = {"passed": "✅", "failed": "❌", "error": "⚠️", "not_started": "⬜"}
    for k in katas:
        r = results[k.id]
        first = r.failed_checks[0] if r.failed_checks and r.status != "not_started" else None
        detail = f"{first.name}: {first.message.splitlines()[0]}" if first and first.message else ""
        detail = detail.replace("|", "\\|")[:160]
        lines.append(f"| {k.id} | {k.title} | {icons[r.status]} {LABEL[r.status]} | {detail} |")
    return "\n".join(lines) + "\n"
