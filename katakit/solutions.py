"""The other correct ways to solve a kata, from variants/qNN_slug/*.py: the lesson's own (lesson.py) first,
then the rest by name. Each file's module docstring opens with one line on what differs from ours."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from katakit.manifest import Kata

VARIANTS = "variants"


@dataclass(frozen=True)
class Way:
    path: str  # as shown: variants/q13_mse/lesson.py
    summary: str  # the first line of its docstring
    source: str  # shown under the summary (a docstring that is only the summary left out)


def summary_line(source: str) -> str:
    """The first line of a module's docstring, or '' when it has none (or does not parse)."""
    try:
        doc = ast.get_docstring(ast.parse(source))
    except SyntaxError:
        return ""
    return doc.strip().splitlines()[0].strip() if doc and doc.strip() else ""


def _without_a_one_line_docstring(source: str) -> str:
    """The source to show under its summary, without the summary a second time."""
    try:
        first = ast.parse(source).body[0]
    except (SyntaxError, IndexError):
        return source
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)):
        return source
    if "\n" in first.value.value.strip():  # the summary, a blank line, the details: keep the details
        summary = first.value.value.strip().splitlines()[0]
        return source.replace(f'"""{summary}\n\n', '"""', 1)
    return "\n".join(source.splitlines()[first.end_lineno:]).lstrip("\n") + "\n"


def ways(root: Path, kata: Kata) -> list[Way]:
    folder = root / VARIANTS / kata.name
    paths = sorted(folder.glob("*.py"), key=lambda p: (p.name != "lesson.py", p.name)) if folder.is_dir() else []
    found = []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        found.append(Way(path.relative_to(root).as_posix(), summary_line(source), _without_a_one_line_docstring(source)))
    return found
