"""The learner's files: compare with the shipped stub, and reset with a backup (nothing is ever lost)."""

from __future__ import annotations

import time
from pathlib import Path

from katakit import shipped

BACKUPS = Path(".katas") / "backups"


def differs_from_stub(root: Path, name: str) -> bool:
    path = root / "katas" / name
    return not path.is_file() or path.read_text(encoding="utf-8") != shipped.stub(name)


def reset(root: Path, name: str) -> Path | None:
    """Write the stub back; the learner's current file first goes to .katas/backups/. Returns the backup path."""
    stub = shipped.stub(name)
    if stub is None:
        raise ValueError(f"no shipped stub for {name}; `git checkout -- katas/{name}` restores the committed one")
    path = root / "katas" / name
    backup = None
    if path.is_file():
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup = root / BACKUPS / f"{path.stem}.{stamp}{path.suffix}"
        n = 1
        while backup.exists():
            backup = backup.with_name(f"{path.stem}.{stamp}-{n}{path.suffix}")
            n += 1
        backup.parent.mkdir(parents=True, exist_ok=True)
        backup.write_bytes(path.read_bytes())
    path.write_text(stub, encoding="utf-8")
    return backup
