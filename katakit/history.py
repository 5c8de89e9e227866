"""What a teacher sees of a learner's way through a kata, derived from the journal (.katas/journal.jsonl):
how many times it was checked with new content (attempts), when first and last, the highest hint level shown,
and whether our solution was opened before the kata passed.

    log_checks(root, katas, results)   after a check: one `check` event per kata whose content is new
    summary(root, katas)               per kata: {"hints_seen", "solution_forced", "checks", "first_check", "last_check"}

Logging never breaks a command: journal.log returns False when it cannot write, and that is all.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from katakit import files, journal, shipped
from katakit.manifest import Kata


def digest(root: Path, kata: Kata) -> str:
    """The kata's content: its files, white space at the ends of lines ignored (a save that changes nothing
    is not an attempt). A missing file counts as its own content."""
    sha = hashlib.sha256()
    for name in kata.files:
        path = root / "katas" / name
        try:
            text = path.read_bytes().replace(b"\r\n", b"\n")
        except OSError:
            text = b"\0missing"
        sha.update(name.encode() + b"\0" + b"\n".join(line.rstrip() for line in text.split(b"\n")) + b"\0")
    return sha.hexdigest()[:16]


def log_checks(root: Path, katas: list[Kata], results: dict) -> bool:
    """One `check` event for each checked kata whose files differ from the stub and from the content of its
    last logged check: re-running `katas` on the same files is not another attempt."""
    last = {e["kata"]: e.get("digest") for e in journal.events(root, "check")}
    stubs = shipped.load()["stubs"]  # read once: files.differs_from_stub reads them for every file
    new = []
    for kata in katas:
        result = results.get(kata.id)
        if result is None:
            continue
        try:
            touched = any(name not in stubs or files._words((root / "katas" / name).read_bytes())
                          != files._words(stubs[name].encode("utf-8")) for name in kata.files)
        except OSError:  # a missing or unreadable file: touched
            touched = True
        if not touched:
            continue
        now = digest(root, kata)
        if last.get(kata.id) != now:
            new.append({"event": "check", "kata": kata.id, "status": result.status, "digest": now})
    return journal.log_many(root, new)


def _iso(t: float) -> str | None:
    try:
        return datetime.fromtimestamp(t, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    except (OverflowError, ValueError, OSError):  # a line edited by hand: keep the count, drop the time
        return None


def summary(root: Path, katas: list[Kata]) -> dict[str, dict]:
    """Per kata, what the journal says: hint level reached, solution opened before a pass, attempts and when."""
    out = {k.id: {"hints_seen": 0, "solution_forced": False, "checks": 0, "first_check": None, "last_check": None}
           for k in katas}
    passed: dict[str, bool] = {}
    for event in journal.events(root):
        entry = out.get(event["kata"])
        if entry is None:
            continue
        kind = event["event"]
        if kind == "hint" and isinstance(event.get("level"), int) and not isinstance(event["level"], bool):
            entry["hints_seen"] = max(entry["hints_seen"], min(event["level"], 99))
        elif kind == "solution" and event.get("forced") is True and not passed.get(event["kata"]):
            entry["solution_forced"] = True  # opened before the kata first passed (not after a later slip)
        elif kind == "check":
            passed[event["kata"]] = passed.get(event["kata"]) or event.get("status") == "passed"
            entry["checks"] += 1
            entry["first_check"] = entry["first_check"] or _iso(event["t"])
            entry["last_check"] = _iso(event["t"])
    return out
