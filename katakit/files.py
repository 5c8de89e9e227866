"""The learner's files: compare with the shipped stub, and reset with a backup (nothing is ever lost)."""

from __future__ import annotations

import time
from pathlib import Path

from katakit import frontend, shipped

BACKUPS = Path(".katas") / "backups"


class BadBytes(ValueError):
    """A learner's file is not UTF-8 text; the message names the byte, its line and column, and the way back."""


def decode(raw: bytes, shown: str) -> str:
    """The file's text; a byte that is not UTF-8 raises BadBytes naming it (`shown` is the file's path)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise BadBytes(f"{shown}, line {line}, column {column}: byte 0x{raw[err.start]:02x} is not UTF-8 text. Save the "
                       f"file as UTF-8 (your editor's 'Save with encoding'), or "
                       f"`{frontend.katas('reset ' + Path(shown).stem[:3])}` (your version is kept as a backup).") from None


def _words(data: bytes) -> bytes:
    return b" ".join(data.split())


def differs_from_stub(root: Path, name: str) -> bool:
    """Touched: the file is missing or differs from the shipped stub by more than white space."""
    path = root / "katas" / name
    stub = shipped.stub(name)
    return not path.is_file() or stub is None or _words(path.read_bytes()) != _words(stub.encode("utf-8"))


def backup(root: Path, path: Path) -> Path:
    """Copy a learner's file to .katas/backups/<stem>.<time><suffix> (never overwriting an older backup)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept = root / BACKUPS / f"{path.stem}.{stamp}{path.suffix}"
    n = 1
    while kept.exists():
        kept = kept.with_name(f"{path.stem}.{stamp}-{n}{path.suffix}")
        n += 1
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(path.read_bytes())
    return kept


def save(root: Path, name: str, text: str) -> tuple[bool, Path | None]:
    """Write the learner's new version of katas/<name>; the old one goes to .katas/backups/ first when it
    differs. Returns (whether the file changed, the backup's path or None)."""
    path = root / "katas" / name
    text = text if text.endswith("\n") else text + "\n"
    if path.is_file() and path.read_bytes() == text.encode("utf-8"):
        return False, None
    kept = backup(root, path) if path.is_file() else None
    path.write_bytes(text.encode("utf-8"))
    return True, kept


def reset(root: Path, name: str) -> Path | None:
    """Write the stub back; the learner's current file first goes to .katas/backups/. Returns the backup path."""
    stub = shipped.stub(name)
    if stub is None:
        raise ValueError(f"no shipped stub for {name}; `git checkout -- katas/{name}` restores the committed one")
    path = root / "katas" / name
    kept = backup(root, path) if path.is_file() else None
    path.write_bytes(stub.encode("utf-8"))
    return kept
