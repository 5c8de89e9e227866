"""`katas review`: self-assessment of written answers. Your answer beside ours, and the key ideas a full
answer explains; you mark which ideas you covered. Marks are kept in .katas/review.toml and shown with your
progress. Nothing here is a check: your own words are yours to judge."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from katakit import loader, manifest, run

REVIEW_FILE = Path(".katas") / "review.toml"
HEADER = "# Written by `katas review`. Do not edit by hand: run `katas review qNN` again to change a mark.\n"


def load_marks(root: Path) -> dict[str, dict]:
    """The marks in .katas/review.toml ({} when there are none). A file that cannot be read as marks (edited by
    hand, cut short, not TOML, the wrong shape, too large, a link, a FIFO) is moved to .katas/backups/ unopened,
    and said so in one line on stderr: plain `katas` goes on, and nothing is lost."""
    from katakit import files

    try:
        path = files.regular(root, REVIEW_FILE)
        if path is None:
            return {}
        marks = tomllib.loads(path.read_bytes().decode("utf-8"))
        if all(isinstance(m, dict) and all(isinstance(v, bool) for v in m.values()) for m in marks.values()):
            return marks
        problem = "it does not hold marks (each kata a table of ideas, each true or false)"
    except (ValueError, RecursionError) as err:  # files.Refused, TOMLDecodeError, UnicodeDecodeError
        problem = str(err).split(". ")[0].splitlines()[0] if str(err) else type(err).__name__
    try:
        where = f"moved to {files.set_aside(root, REVIEW_FILE).relative_to(root).as_posix()}"
    except (OSError, ValueError) as err:
        where = f"left where it is ({err})"
    sys.stderr.write(f"Note: {REVIEW_FILE.as_posix()} could not be read ({problem}); it was {where}, and your "
                     "review marks start afresh (`katas review` sets them again).\n")
    return {}


def save_marks(root: Path, marks: dict[str, dict]) -> None:
    lines = [HEADER]
    for kata_id in sorted(marks):
        lines.append(f"[{kata_id}]")
        for concept, covered in marks[kata_id].items():
            key = concept.replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'"{key}" = {"true" if covered else "false"}')
        lines.append("")
    from katakit import files

    files.regular(root, REVIEW_FILE)  # never written through a link (it could lead out of .katas/), nor a FIFO
    (root / REVIEW_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / REVIEW_FILE).write_text("\n".join(lines), encoding="utf-8")


def ideas(root: Path, kata: manifest.Kata) -> list[str]:
    """The key ideas of a written kata, from the key in its test module (our file, not the learner's)."""
    key = getattr(loader.load_module(root / kata.test_file, f"key_{kata.id}"), "KEY", None)
    return list(key.ideas) if key else []


def _answer(path: Path) -> str:
    """The text under '## Your answer', reflowed: the file's hard line breaks would leave words alone on
    lines in a narrow column; paragraphs stay apart."""
    from katakit import written

    text = written.parse(path.read_bytes().decode("utf-8", errors="replace"), path).text
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in text.split("\n\n") if paragraph.strip())


def main(root: Path, katas: list[manifest.Kata], console: Console, kata_id: str | None) -> int:
    written = [k for k in katas if k.kind != "code"]
    if kata_id:
        written = [manifest.get(kata_id, katas)]
        if written[0].kind == "code":
            console.print(f"{written[0].id} has no written answer to review.")
            return 1
    results = run.run([k.id for k in written], root=root)
    ready = [k for k in written if results[k.id].status == "passed"]
    if not ready:
        console.print("Nothing to review yet: a written answer can be reviewed once its kata passes "
                      "(`katas check qNN`).")
        return 1
    marks = load_marks(root)
    interactive = sys.stdin is not None and sys.stdin.isatty()
    for kata in ready:
        name = next(f for f in kata.files if f.endswith(".md"))
        table = Table(title=f"{kata.id} · {kata.title}", show_lines=True, expand=True)
        table.add_column("your answer")
        table.add_column("our answer")
        table.add_row(escape(_answer(root / "katas" / name)), escape(_answer(root / "reference" / name)))
        console.print(table)
        concepts = ideas(root, kata)
        if not interactive:
            console.print("Key ideas of a full answer; which does yours explain?")
            for concept in concepts:
                console.print(escape(f"  [ ] {concept}"))
            continue
        kata_marks = {}
        for concept in concepts:
            reply = input(f"  Does your answer explain this: {concept}? [y/n] ").strip().lower()
            kata_marks[concept] = reply.startswith("y")
        marks[kata.id] = kata_marks
        save_marks(root, marks)
        console.print(f"  Saved: {sum(kata_marks.values())}/{len(kata_marks)} ideas covered, in {REVIEW_FILE}")
    if not interactive:
        console.print("\nRun `katas review` in a terminal to mark which ideas you covered.")
    return 0


def summary(root: Path, katas: list[manifest.Kata]) -> str:
    marks = load_marks(root)
    written = sum(k.kind != "code" for k in katas)
    covered = sum(sum(m.values()) for m in marks.values())
    total = sum(len(m) for m in marks.values())
    return f"Self-review: {len(marks)}/{written} written answers reviewed ({covered}/{total} ideas covered)"
