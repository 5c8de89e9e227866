"""What the learner sees: progress, one kata, lists and reports. Rendering only; no checking here.

One mistake, one message: a kata's failures are grouped by cause; each cause is shown once, in full,
and the other checks that fail for the same cause are named on one line.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from katakit import frontend
from katakit.manifest import Kata
from katakit.results import KataResult

MARK = {"passed": "[green]✓[/]", "failed": "[red]✗[/]", "error": "[red]![/]", "not_started": "[dim]·[/]"}
LABEL = {"passed": "passed", "failed": "failed", "error": "error", "not_started": "not started"}
PART = {"code": "the code", "written": "the written part"}


HANGING = re.compile(r"(?:[•✓✗!·]|\d+\.|Hint \d+:) ")  # a bullet or a number: its text wraps under the text


def wraps() -> bool:
    """Wrap messages to the width on a terminal, or to COLUMNS where it is set. A pipe or a CI log has no width:
    wrapping there at a guessed one would break lines that the viewer can wrap better (and `grep` reads whole)."""
    return sys.stdout.isatty() or os.environ.get("COLUMNS", "").isdigit()


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 learner', '3 learners' ('1 match', '2 matches' with many='matches')."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def in_notebook(console: Console) -> bool:
    """Whether this console's output is shown where the learner types magics: a notebook or IPython (katakit.notebook
    marks the consoles it records; `%load_ext katakit` marks the kernel)."""
    return getattr(console, "katas_notebook", False) or frontend.magics()


def command(rest: str, notebook: bool = False) -> str:
    """A `katas` command as the learner types it where it is shown: `%katas hint q13` in a notebook."""
    return frontend.katas(rest, notebook)


def say(console: Console, markup: str) -> None:
    """Print Rich markup wrapped to the console's width at word boundaries, keeping each line's indentation:
    a continuation starts under the first line's text (under the text of a bullet or a number). A word longer
    than the width is the only thing split. A console that does not wrap (soft_wrap) prints it as it is."""
    if console.soft_wrap:
        console.print(markup)
        return
    for line in Text.from_markup(markup).split("\n", allow_blank=True):
        plain = line.plain
        indent = len(plain) - len(plain.lstrip(" "))
        bullet = HANGING.match(plain, indent)
        hang = bullet.end() if bullet else indent
        if hang > console.width // 2:  # a deep indent on a narrow screen: keep the text readable instead
            hang = indent = 0
        head, body = line[:hang], line[hang:]
        wrapped = body.wrap(console, max(1, console.width - hang), overflow="fold") if body.plain.strip() else []
        if not wrapped:
            console.print(head.rstrip() if head.plain.strip() else "")
        for n, part in enumerate(wrapped):
            part.rstrip()
            console.print(Text.assemble(head if n == 0 else " " * hang, part), overflow="fold")


def progress_bar(passed: int, total: int, width: int = 40) -> str:
    done = width * passed // total
    arrow = ">" if passed < total else ""
    return "[" + "#" * done + arrow + "-" * (width - done - len(arrow)) + f"] {passed}/{total}"


def next_kata(katas: list[Kata], results: dict[str, KataResult]) -> Kata | None:
    return next((k for k in katas if results[k.id].status != "passed"), None)


def show_progress(console: Console, katas: list[Kata], results: dict[str, KataResult]) -> None:
    passed = sum(r.status == "passed" for r in results.values())
    console.print(f"Gradient descent katas  {escape(progress_bar(passed, len(katas)))} passed")


def parts_line(result: KataResult) -> str:
    """'the code passes; the written part is not started' for a kata whose parts differ, else ''."""
    parts = result.parts()
    if len(parts) < 2 or len(set(parts.values())) < 2:
        return ""
    verbs = {"passed": "passes", "failed": "fails", "error": "has an error", "not_started": "is not started"}
    return "; ".join(f"{PART[part]} {verbs[status]}" for part, status in parts.items())


def kata_lines(kata: Kata, result: KataResult, full: bool = True, notebook: bool = False,
               watching: bool = False) -> list[str]:
    """The body of a kata's report, as Rich markup lines: each cause once, then what to do next.
    `full` shows every cause; otherwise the first one, and one line for the rest. `notebook` names the
    notebook's commands (%katas, re-running the cell) instead of the terminal's; `watching`, watch's keys."""
    lines = [f"[bold]{kata.id} · {escape(kata.title)}[/]  ({LABEL[result.status]})",
             f"  [italic]{escape(kata.question)}[/]", f"  Edit: {', '.join('katas/' + f for f in kata.files)}"]
    half = parts_line(result)
    if half:
        lines.append(f"  [bold]{escape(half[0].upper() + half[1:])}.[/]")
    causes = result.causes()
    if result.status == "not_started":
        causes = [c for c in causes if c[0].cause == "not started"][:1] or causes[:1]
        lines += [f"  [dim]{escape(line)}[/]" for c in causes for line in c[0].message.splitlines()]
    shown = causes if full else causes[:1]
    for failure, names in shown if result.status != "not_started" else []:
        outcome = next(c.outcome for c in result.failed_checks if c.name == names[0])
        lines.append(f"  {MARK[outcome]} [bold]{escape(names[0])}[/]")
        lines += [f"      {escape(line)}" for line in failure.message.splitlines()]
        if len(names) > 1:
            lines.append(f"    [dim]also fails for the same cause: {escape(_names(names[1:]))}[/]")
    rest = [names[0] for _, names in causes[len(shown):]] if result.status != "not_started" else []
    if rest:
        lines.append(f"  [dim]also failing: {escape(_names(rest))} (`{command(f'check {kata.id}', notebook)}` "
                     "shows each)[/]")
    if full and result.output and result.status in ("failed", "error"):
        printed = result.output.splitlines()
        lines.append("  Your code printed:" + ("" if len(printed) <= 5 else f" (first 5 of {len(printed)} lines)"))
        lines += [f"    [dim]{escape(line[:120])}[/]" for line in printed[:5]]
    code_failed = any(c.part == "code" and c.outcome == "failed" for c in result.checks)
    if full and result.seed is not None and code_failed:  # the seed only shapes the code checks' data
        lines.append(f"  [dim]Test data seed {result.seed} (from your file's content); "
                     f"`{'!' if notebook else ''}pytest {_test_path(kata)} "
                     f"--kata-seed={result.seed}` repeats this run.[/]")
    if result.status == "passed" and result.notes:
        lines.append("  Going further (not required; the lesson's way passes):")
        lines += [f"    • {escape(note)}" for note in result.notes]
    if result.status != "passed" and notebook:
        lines.append(f"\n  Stuck? [bold]%katas hint {kata.id}[/]   Re-check: run the cell again")
    elif result.status != "passed" and watching:
        lines.append("\n  Stuck? press [bold]h[/]   Re-check: save the file, or press [bold]r[/]")
    elif result.status != "passed":
        lines.append(f"\n  Stuck? [bold]katas hint {kata.id}[/]   Re-check: [bold]katas check {kata.id}[/]   "
                     "Re-check on save: [bold]katas watch[/]")
    return lines


def _names(names: list[str], limit: int = 4) -> str:
    text = "; ".join(names[:limit])
    return text + (f"; and {len(names) - limit} more" if len(names) > limit else "")


def _test_path(kata: Kata) -> str:
    return kata.test_file


def show_kata(console: Console, kata: Kata, result: KataResult, full: bool = True) -> None:
    console.print()
    watching = getattr(console, "katas_watching", False)  # katakit.watch marks its console
    for line in kata_lines(kata, result, full, notebook=in_notebook(console), watching=watching):
        say(console, line)


def render_text(lines: list[str], width: int = 100) -> str:
    """Rich markup lines as plain text, wrapped as a terminal of that width shows them (a notebook's
    text/plain, for front ends that show no HTML)."""
    console = Console(record=True, file=io.StringIO(), width=width, highlight=False, color_system=None,
                      force_jupyter=False)  # in a kernel, rich would display each line as an output of its own
    for line in lines:
        say(console, line)
    return console.export_text(styles=False)


def render_html(lines: list[str], width: int = 110, recorded: Console | None = None) -> str:
    """Rich markup lines (or what a recording console printed) as one block of HTML, for a notebook cell."""
    console = recorded or Console(record=True, file=io.StringIO(), width=width, highlight=False, force_terminal=True,
                                  soft_wrap=True,
                                  force_jupyter=False)
    for line in lines:
        console.print(line)
    return console.export_html(inline_styles=True, code_format="<pre style=\"white-space: pre-wrap; font-family: "
                                "Menlo, Consolas, monospace; font-size: 0.9em\">{code}</pre>")


def show_list(console: Console, katas: list[Kata], results: dict[str, KataResult]) -> None:
    for k in katas:
        status = results[k.id].status
        half = parts_line(results[k.id])
        say(console, f"{MARK[status]} {k.id}  {escape(k.title):<48} {LABEL[status]}"
                      + (f"  [dim]({escape(half)})[/]" if half else ""))


def first_problem(result: KataResult) -> str:
    """One line for a table: the first cause's check and message, or what remains of a half-done kata."""
    half = parts_line(result)
    if result.status == "not_started":
        return half
    causes = result.causes()
    if not causes:
        return ""
    failure, names = causes[0]
    return f"{names[0]}: {failure.message.splitlines()[0]}"


def report_json(katas: list[Kata], results: dict[str, KataResult], learning: dict[str, dict] | None = None,
                history: dict | None = None, **extra) -> str:
    """`learning` (katakit.quiz.learning): each written kata's "first_try" and "quiz" fields. `history`: per kata
    id, what the journal says (hint level seen, solution forced, checks and when)."""
    history = history or {}
    return json.dumps({
        "total": len(katas),
        "passed": sum(results[k.id].status == "passed" for k in katas),
        **extra,
        "katas": [{"id": k.id, "status": results[k.id].status,
                   "failed_checks": [c.name for c in results[k.id].failed_checks],
                   "messages": [c.message for c in results[k.id].failed_checks],
                   "parts": results[k.id].parts(),
                   "seed": results[k.id].seed, **(learning or {}).get(k.id, {}), **history.get(k.id, {})} for k in katas],
    }, indent=2, ensure_ascii=False)


def learning_lines(learned: dict[str, dict], due: list[str], command: str = "katas quiz") -> list[str]:
    """For the progress view: the first tries of the written parts so far, and what is due for a quiz."""
    tried = [v["first_try"] for v in learned.values() if v["first_try"]["of"]]
    lines = []
    if tried:
        right, of = sum(t["right"] for t in tried), sum(t["of"] for t in tried)
        lines.append(f"First tries of written parts: {right}/{of} right ({len(tried)} part{'s' * (len(tried) != 1)}; "
                     "the first time you filled each item in)")
    if due:
        lines.append(f"{len(due)} written part{' is' if len(due) == 1 else 's are'} due for a quiz: "
                     f"[bold]{command}[/]")
    return lines


def learning_markdown(learned: dict[str, dict]) -> str:
    """The written parts' first tries and quiz results, as a Markdown table (after the progress table)."""
    rows = [(k, v) for k, v in learned.items() if v["first_try"]["of"] or v["quiz"]["of"]]
    if not rows:
        return ""
    lines = ["", "| written part | first try right | quiz right | box | next quiz |", "|---|---|---|---|---|"]
    for kata_id, v in rows:
        first, quiz = v["first_try"], v["quiz"]
        lines.append(f"| {kata_id} | {first['right']}/{first['of']} | {quiz['right']}/{quiz['of']} | {quiz['box']} | "
                     f"{quiz['due'] or '-'} |")
    return "\n".join(lines) + "\n"


def report_markdown(katas: list[Kata], results: dict[str, KataResult], warnings: list[str] = (),
                    learning: dict[str, dict] | None = None) -> str:
    passed = sum(results[k.id].status == "passed" for k in katas)
    lines = [f"## Gradient descent katas: {passed}/{len(katas)} passed", ""]
    lines += [f"> **Warning:** {w}" for w in warnings]
    lines += ["", "| kata | title | status | first failing check |", "|---|---|---|---|"]
    icons = {"passed": "✅", "failed": "❌", "error": "⚠️", "not_started": "⬜"}
    for k in katas:
        r = results[k.id]
        detail = first_problem(r).replace("|", "\\|")[:160]
        lines.append(f"| {k.id} | {k.title} | {icons[r.status]} {LABEL[r.status]} | {detail} |")
    return "\n".join(lines) + "\n" + learning_markdown(learning or {})


# What XML 1.0 allows (tab, newline, carriage return, and the rest above U+0020 but surrogates, U+FFFE, U+FFFF).
# A learner's exception message can hold anything (\x00, \x1b, a lone surrogate); anything else is dropped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def report_junit(katas: list[Kata], results: dict[str, KataResult]) -> str:
    """JUnit XML: a test suite per kata, a test case per check; the teaching message is the failure text.
    A not-started check is a skipped test case, so a half-done course reads as unfinished, not broken.
    Characters XML forbids are dropped from every name and message, so the file always parses."""
    from xml.etree import ElementTree as ET

    suites = ET.Element("testsuites", name="gradient descent katas")
    for kata in katas:
        result = results[kata.id]
        checks = result.checks
        suite = ET.SubElement(suites, "testsuite", name=_xml(f"{kata.id} {kata.title}"), tests=str(len(checks)),
                              failures=str(sum(c.outcome == "failed" for c in checks)),
                              errors=str(sum(c.outcome == "error" for c in checks)),
                              skipped=str(sum(c.outcome == "not_started" for c in checks)))
        ET.SubElement(ET.SubElement(suite, "properties"), "property", name="status", value=result.status)
        for check in checks:
            case = ET.SubElement(suite, "testcase", classname=_xml(f"katas.{kata.name}"), name=_xml(check.name))
            message = _xml(check.message)
            first = message.splitlines()[0] if message.strip() else check.outcome
            if check.outcome == "failed":
                ET.SubElement(case, "failure", message=first[:200]).text = message
            elif check.outcome == "error":
                ET.SubElement(case, "error", message=first[:200]).text = message
            elif check.outcome == "not_started":
                ET.SubElement(case, "skipped", message=first[:200])
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def links_lines(kata: Kata) -> list[str]:
    """The reading for a kata: the PyTorch documentation of what it uses, then the lesson (manifest `links`)."""
    if not kata.links:
        return []
    return ["  Read more:"] + [f"    [link={link}]{escape(link)}[/link]" for link in kata.links]


def show_solution(console: Console, root, kata: Kata, ways: list) -> None:
    """Ours (every file of the kata), then each other correct way with its one line on what differs, the
    lesson's own first, then the reading."""
    for name in kata.files:
        console.rule(f"Ours: reference/{name}")
        console.print(escape((root / "reference" / name).read_text(encoding="utf-8")))
    if ways:
        console.rule(f"Other ways that pass ({len(ways)})")
    for way in ways:
        console.rule(escape(way.path))
        console.print(f"[bold]{escape(way.summary or 'Another way that passes.')}[/]\n")
        console.print(escape(way.source))
    for line in links_lines(kata):
        console.print(line)


def diff_lines(kata: Kata, pairs: list[tuple[str, str, str]]) -> list[str]:
    """A unified diff of each of the learner's files (-) against ours (+), as markup lines; pairs are
    (file name, learner's text, our text)."""
    import difflib

    colour = {"+": "green", "-": "red", "@": "cyan"}
    lines = []
    for name, mine, ours in pairs:
        diff = list(difflib.unified_diff(mine.splitlines(), ours.splitlines(), f"katas/{name} (yours)",
                                         f"reference/{name} (ours)", lineterm=""))
        if not diff:
            lines.append(f"katas/{escape(name)} is the same as ours.")
        for line in diff:
            style = colour.get(line[:1]) if not line.startswith(("+++", "---")) else "bold"
            lines.append(f"[{style}]{escape(line)}[/]" if style else escape(line))
    return lines
