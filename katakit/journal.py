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
import time
from pathlib import Path

JOURNAL = Path(".katas") / "journal.jsonl"


def log(root: Path, event: str, kata: str, **data) -> bool:
    """Append one event; False (and nothing else happens) when the journal cannot be written."""
    return log_many(root, [{"event": event, "kata": kata, **data}])


def log_many(root: Path, events: list[dict]) -> bool:
    """Append several events in one write; each gets the current time unless it has one."""
    if not events:
        return True
    now = time.time()
    text = "".join(json.dumps({"t": now, **e}, ensure_ascii=False) + "\n" for e in events)
    try:
        path = root / JOURNAL
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as out:
            out.write(text)
        return True
    except OSError:
        return False


def events(root: Path, event: str | None = None, kata: str | None = None) -> list[dict]:
    """Every readable event, oldest first, optionally only of one kind and/or one kata."""
    try:
        lines = (root / JOURNAL).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if (isinstance(item, dict) and isinstance(item.get("event"), str) and isinstance(item.get("kata"), str)
                and isinstance(item.get("t"), (int, float)) and (event is None or item["event"] == event)
                and (kata is None or item["kata"] == kata)):
            found.append(item)
    return found
