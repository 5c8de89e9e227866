"""What was shipped: the pristine stubs (so `katas reset` can restore them) and checksums of the files a
learner should not edit (tests, references, the manifest, the machinery), so an edited test cannot pass
for a pass. `python -m katakit.shipped --write` records them; the self-test fails when they are stale.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from katakit import manifest

SHIPPED = Path(__file__).with_name("shipped.json")
GUARDED = ["katas.toml", "conftest.py"]
GUARDED_DIRS = ["tests", "reference", "katakit"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def guarded_files(root: Path) -> list[Path]:
    files = [root / name for name in GUARDED]
    for folder in GUARDED_DIRS:
        files += sorted(p for p in (root / folder).rglob("*")
                        if p.is_file() and p.suffix in (".py", ".md", ".toml") and p != root / "katakit" / SHIPPED.name
                        and "__pycache__" not in p.parts)
    return files


def record(root: Path) -> dict:
    katas = manifest.load(root)
    return {
        "stubs": {name: (root / "katas" / name).read_text(encoding="utf-8") for k in katas for name in k.files},
        "checksums": {p.relative_to(root).as_posix(): _digest(p) for p in guarded_files(root)},
    }


def load() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8")) if SHIPPED.is_file() else {"stubs": {}, "checksums": {}}


def stub(name: str) -> str | None:
    return load()["stubs"].get(name)


def tampered(root: Path) -> list[str]:
    """Guarded files that differ from what was shipped (edited, added or removed)."""
    shipped = load()["checksums"]
    now = {p.relative_to(root).as_posix(): _digest(p) for p in guarded_files(root)}
    return sorted(name for name in shipped.keys() | now.keys() if shipped.get(name) != now.get(name))


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m katakit.shipped --write   (run from the repository root, on pristine stubs)")
    root = manifest.find_root()
    SHIPPED.write_text(json.dumps(record(root), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SHIPPED.relative_to(root)}")
