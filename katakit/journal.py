"""What happened, kept in .katas/journal.jsonl: one JSON object per line, appended, never rewritten.

The one record of a learner's history: checks (attempts), hints seen, solutions opened, first tries of
written parts, quiz answers. Everything else (the report's `first_try`, a quiz's schedule, a teacher's
roster columns) is derived from it, so there is nothing to keep in step. A line that cannot be read (a
crash half way through a write, an edit by hand) is skipped, never fatal; a journal that cannot be written
(a read-only folder, `.katas` a file) loses only the record, never the learner's work or the verdict.

Each event: {"t": unix time, "event": kind, "kata": "q13", ...data}. Kinds in use:
  check     {"status": ..., "digest": ...}       a kata checked with content not checked before (an attempt)
  hint      {"level": n}                         a hint level shown
  solution  {"forced": bool}                     our solution shown (forced: before the kata passed)
  first_try {"item": ..., "right": bool}         a written item the first time it was filled in
  quiz      {"item": ..., "right": bool}         an answer in `katas quiz`
"""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

JOURNAL = Path(".katas") / "journal.jsonl"
MAX_BYTES = 50 << 20  # a journal larger than this is not read (years of use stay far below it)


def _path(root: Path) -> Path | None:
    """The journal's path, or None when it cannot be used safely: a link on the way (it could lead out of
    .katas/), or something other than a regular file there (a FIFO would block, a folder cannot be read)."""
    from katakit import files

    try:
        path = files.no_links(root, JOURNAL)
        info = path.stat()
    except files.Refused:
        return None
    except FileNotFoundError:
        return path
    except OSError:
        return None
    return path if stat.S_ISREG(info.st_mode) else None


def log(root: Path, event: str, kata: str, **data) -> bool:
    """Append one event; False (and nothing else happens) when the journal cannot be written."""
    return log_many(root, [{"event": event, "kata": kata, **data}])


def log_many(root: Path, events: list[dict]) -> bool:
    """Append several events in one write; each gets the current time unless it has one."""
    if not events:
        return True
    now = time.time()
    text = "".join(json.dumps({"t": now, **e}, ensure_ascii=False) + "\n" for e in events)
    path = _path(root)
    if path is None:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_NOFOLLOW and O_NONBLOCK: a link or a FIFO put there after the check above is refused, never followed
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0), 0o644)
        with os.fdopen(fd, "a", encoding="utf-8") as out:
            out.write(text)
        return True
    except OSError:
        return False


def events(root: Path, event: str | None = None, kata: str | None = None) -> list[dict]:
    """Every readable event, oldest first, optionally only of one kind and/or one kata."""
    path = _path(root)
    try:
        if path is None or not path.is_file() or path.stat().st_size > MAX_BYTES:
            return []
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        try:
            item = json.loads(line)
        except (ValueError, RecursionError):  # a hand-edited or half-written line
            continue
        if (isinstance(item, dict) and isinstance(item.get("event"), str) and isinstance(item.get("kata"), str)
                and isinstance(item.get("t"), (int, float)) and (event is None or item["event"] == event)
                and (kata is None or item["kata"] == kata)):
            found.append(item)
    return found
