"""What was shipped: the pristine stubs (so `katas reset` can restore them) and checksums of the files a
learner should not edit (tests, references, the manifest, the machinery), so an edited test cannot pass
for a pass. `python -m katakit.shipped --write` records them; the self-test fails when they are stale.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from katakit import manifest

SHIPPED = Path(__file__).with_name("shipped.json")
GUARDED = ["katas.toml", "conftest.py", "pyproject.toml"]
SHIPPED_CONFTESTS = {"conftest.py", "selftest/conftest.py"}
FOREIGN_CONFIG = ("pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg")
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


def foreign_config(root: Path) -> list[str]:
    """pytest configuration that was not shipped: a pytest.ini, tox.ini or setup.cfg with pytest settings at
    the root, or a conftest.py anywhere else. `katas` ignores them; plain `pytest` would read them."""
    found = [name for name in FOREIGN_CONFIG if (root / name).is_file()
             and (name != "setup.cfg" or "[tool:pytest]" in (root / name).read_text(encoding="utf-8", errors="replace"))]
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__")) and d not in ("node_modules", "build")
                   and not (Path(folder) / d / "pyvenv.cfg").exists()]
        if "conftest.py" in names:
            rel = (Path(folder) / "conftest.py").relative_to(root).as_posix()
            if rel not in SHIPPED_CONFTESTS:
                found.append(rel)
    return sorted(found)


def tampered(root: Path) -> list[str]:
    """Guarded files that differ from what was shipped (edited, added or removed), and foreign pytest
    configuration."""
    shipped = load()["checksums"]
    now = {p.relative_to(root).as_posix(): _digest(p) for p in guarded_files(root)}
    edited = [name for name in shipped.keys() | now.keys() if shipped.get(name) != now.get(name)]
    return sorted(set(edited) | set(foreign_config(root)))


def changed_since(root: Path, base: str) -> list[str]:
    """Guarded files (and the workflows) that differ between commit `base` and the working tree, by git:
    in a fork's CI this catches edits to the tests even when shipped.json was rewritten to match them.
    Raises RuntimeError when git cannot tell (no git, or no such commit)."""
    import subprocess

    paths = [*GUARDED, *GUARDED_DIRS, ".github"]
    try:
        done = subprocess.run(["git", "diff", "--name-only", base, "--", *paths], cwd=root, capture_output=True,
                              text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise RuntimeError(f"git could not run: {err}") from None
    if done.returncode != 0:
        raise RuntimeError(f"git diff against {base} failed: {done.stderr.strip()[:200]}")
    return sorted(set(done.stdout.split()) | set(foreign_config(root)))


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m katakit.shipped --write   (run from the repository root, on pristine stubs)")
    root = manifest.find_root()
    SHIPPED.write_text(json.dumps(record(root), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SHIPPED.relative_to(root)}")
