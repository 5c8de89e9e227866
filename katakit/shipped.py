"""What was shipped: the pristine stubs (so `katas reset` can restore them) and checksums of the files a
learner should not edit (tests, references, the manifest, the machinery, the workflows), so an edited test
cannot pass for a pass. `python -m katakit.shipped --write` records them; the self-test fails when they are
stale.

`guard(root)` is what every verdict that awards a pass consults: the guarded files compared with the shipped
checksums and, inside a repository made from the template (Classroom, "Use this template"), with its first
commit by git, so rewriting shipped.json to match an edited test hides nothing. `refuse(results, guard)`
turns each pass into an error that names the files and the way back.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from katakit import manifest

SHIPPED = Path(__file__).with_name("shipped.json")
GUARDED = ["katas.toml", "conftest.py", "pyproject.toml"]
SHIPPED_CONFTESTS = {"conftest.py", "selftest/conftest.py"}
FOREIGN_CONFIG = ("pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg")
GUARDED_DIRS = ["tests", "reference", "katakit"]
WORKFLOWS = ".github/workflows"  # every file in it: an edited or added workflow can fake a green run


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def guarded_files(root: Path) -> list[Path]:
    files = [root / name for name in GUARDED]
    for folder in GUARDED_DIRS:
        files += sorted(p for p in (root / folder).rglob("*")
                        if p.is_file() and p.suffix in (".py", ".md", ".toml") and p != root / "katakit" / SHIPPED.name
                        and "__pycache__" not in p.parts)
    return files + sorted(p for p in (root / WORKFLOWS).rglob("*") if p.is_file())


def signature(root: Path) -> tuple:
    """The guarded files' paths, sizes and modification times, and shipped.json's: while it stays the same, so
    does `guard`'s verdict (a stat per file, for `katas watch`'s every save, instead of hashing them all)."""
    found = []
    for path in [*guarded_files(root), SHIPPED]:
        try:
            info = path.stat()
            found.append((str(path), info.st_mtime_ns, info.st_size))
        except OSError:
            found.append((str(path), None, None))
    return tuple(found)


_JUDGED: dict = {}  # per root: (the signature judged, the guard's verdict)


def judged(root: Path) -> Guard:
    """`guard(root)`, judged again only when a guarded file's size or time changed: a stat per file, instead of
    hashing them all (and asking git), for `katas watch`'s every save and a notebook's every cell. `katas check`,
    `report` and `ci` judge afresh every time."""
    now = signature(root)
    if root not in _JUDGED or _JUDGED[root][0] != now:
        _JUDGED[root] = (now, guard(root))
    return _JUDGED[root][1]


def record(root: Path) -> dict:
    katas = manifest.load(root)
    return {
        "stubs": {name: (root / "katas" / name).read_text(encoding="utf-8") for k in katas for name in k.files},
        "checksums": {p.relative_to(root).as_posix(): _digest(p) for p in guarded_files(root)},
    }


def load() -> dict:
    """The shipped record, read once per version of the file (callers only read it)."""
    try:
        version = SHIPPED.stat()
    except OSError:
        return {"stubs": {}, "checksums": {}}
    return _load(version.st_mtime_ns, version.st_size, version.st_ino)


@functools.lru_cache(maxsize=4)
def _load(*version) -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


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


def edited(root: Path) -> list[str]:
    """Guarded files that differ from the shipped checksums (edited, added or removed)."""
    shipped = load()["checksums"]
    now = {p.relative_to(root).as_posix(): _digest(p) for p in guarded_files(root)}
    return sorted(name for name in shipped.keys() | now.keys() if shipped.get(name) != now.get(name))


def tampered(root: Path) -> list[str]:
    """Guarded files that differ from what was shipped (edited, added or removed), and foreign pytest
    configuration."""
    return sorted(set(edited(root)) | set(foreign_config(root)))


def edited_since(root: Path, base: str) -> list[str]:
    """Guarded files (the workflows too) that differ between commit `base` and the working tree, by git: this
    catches edits to the tests even when shipped.json was rewritten to match them. Raises RuntimeError when git
    cannot tell (no git, or no such commit)."""
    done = _git(root, "diff", "--name-only", "--relative", base, "--", *GUARDED, *GUARDED_DIRS, WORKFLOWS)
    if done.returncode != 0:
        raise RuntimeError(f"git diff against {base} failed: {done.stderr.strip()[:200]}")
    return sorted(set(done.stdout.split()))


def changed_since(root: Path, base: str) -> list[str]:
    """`edited_since`, and foreign pytest configuration."""
    return sorted(set(edited_since(root, base)) | set(foreign_config(root)))


def _git(root: Path, *args: str):
    """`git args` in root, output as text; RuntimeError when git cannot run at all. The repository's own
    fsmonitor hook (a program its config names) is switched off: a check never runs what a repository asks."""
    import subprocess

    try:
        return subprocess.run(["git", "-c", "core.fsmonitor=false", *args], cwd=root, capture_output=True, text=True,
                              timeout=60, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise RuntimeError(f"git could not run: {err}") from None


def starting_commits(root: Path) -> tuple[list[str], str]:
    """The commits a template-made repository started from, and a note when git could not tell.

    A repository made from the template (every GitHub Classroom repository, "Use this template") starts
    with one commit holding the whole project, shipped.json included: its root commit. A fork's root is
    the project's own first commit, which holds no shipped.json, and the commit the fork started from is
    not known offline (`katas ci --base` is given it in CI): there the shipped checksums judge alone.
    Outside git, or with git missing, the checksums judge alone too (with a note when git is missing)."""
    try:
        roots = _git(root, "rev-list", "--max-parents=0", "HEAD")
    except RuntimeError:  # no git: a note only where there is a repository it could have read
        in_git = any((folder / ".git").exists() for folder in (root, *root.parents))
        return [], "git is not installed, so edits were compared with the shipped checksums only" if in_git else ""
    if roots.returncode != 0:
        return [], ""  # not a git repository (a download, a copy): the checksums judge
    if _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return [], "a shallow clone holds no starting commit, so edits were compared with the shipped checksums only"
    return [c for c in roots.stdout.split()
            if _git(root, "cat-file", "-e", f"{c}:./katakit/{SHIPPED.name}").returncode == 0], ""


REFUSED = "the tests and the checker are as shipped"


@dataclass
class Guard:
    changed: list[str]  # guarded files that differ from what was shipped or from the starting commit
    base: str | None = None  # the commit compared with, if any
    note: str = ""  # why git could not compare, if it could not
    foreign: list[str] = field(default_factory=list)  # pytest configuration `katas` ignores (plain pytest reads it)

    def way_back(self) -> str:
        where = f"git checkout {self.base[:12]} -- <file>" if self.base else "git checkout -- <file>"
        return f"`{where}` restores one (or take it from the project again)"


def guard(root: Path, base: str | None = None) -> Guard:
    """The guarded files that differ from the shipped checksums, and from `base` (default: the starting
    commit of a template-made repository) by git. Never raises: a git that cannot tell leaves a note.
    Foreign pytest configuration is listed apart: `katas` ignores it, so it costs no pass (CI names it)."""
    changed = set(edited(root))
    bases, note = ([base], "") if base else starting_commits(root)
    for commit in bases:
        try:
            changed |= set(edited_since(root, commit))
        except RuntimeError as err:
            note = f"could not compare with {commit[:12]} ({err}), so edits were compared with the shipped checksums only"
    return Guard(sorted(changed), bases[0] if bases else None, note, foreign_config(root))


def refuse(results: dict, found: Guard) -> dict:
    """Each pass becomes an error naming the edited files: a pass on edited tests or an edited checker is not
    a pass. Any guarded file counts for every kata, since the checker itself may be what was edited."""
    from katakit.results import Check, Failure

    if not found.changed:
        return results
    shown = ", ".join(found.changed[:6]) + (f" and {len(found.changed) - 6} more" if len(found.changed) > 6 else "")
    failure = Failure(f"Not counted as a pass: {shown} differ{'s' if len(found.changed) == 1 else ''} from what was "
                      f"shipped, and a pass on edited tests or checks is not a pass. {found.way_back()}.", "edited")
    for result in results.values():
        if result.status == "passed":
            result.checks.insert(0, Check(REFUSED, "error", [failure]))
            result.status = "error"
    return results


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m katakit.shipped --write   (run from the repository root, on pristine stubs)")
    root = manifest.find_root()
    SHIPPED.write_text(json.dumps(record(root), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SHIPPED.relative_to(root)}")
