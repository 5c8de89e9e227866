"""The learner's files: compare with the shipped stub, and reset with a backup (nothing is ever lost).

Nothing here writes outside katas/ and .katas/, and nothing follows a link: a kata file, katas/, .katas/ or
its backups/ that is a link (it could point into reference/ or anywhere), a folder, a FIFO or a device is
refused by name before anything is read or written. A FIFO is never opened (opening one waits forever).
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from katakit import shipped

BACKUPS = Path(".katas") / "backups"


class Refused(ValueError):
    """A learner's file that katas will not read or write: a link, a folder, a FIFO, a device. One line."""


# Stubs and answers are a few kB; anything past this is not a kata file and is never read whole.
MAX_BYTES = 1 << 20


def kind(mode: int) -> str:
    return ("a folder" if stat.S_ISDIR(mode) else "a FIFO (named pipe)" if stat.S_ISFIFO(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "not a regular file")


def no_links(root: Path, rel: Path | str) -> Path:
    """root/rel after checking that no part of rel below root is a link; Refused names the link."""
    path = root
    for part in Path(rel).parts:
        path = path / part
        if path.is_symlink():
            raise Refused(f"{path.relative_to(root).as_posix()} is a link (to {os.readlink(path)}): katas never reads or "
                          "writes through a link, which could lead out of katas/. Replace the link with a "
                          "real file or folder; nothing was changed.")
    return path


def regular(root: Path, rel: Path | str, way_back: str = "") -> Path | None:
    """root/rel when it is a regular file (no link on the way), None when it does not exist; Refused (naming it)
    for a folder, a FIFO, a device or a file too large to be a kata's, without opening it."""
    path = no_links(root, rel)
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    shown = Path(rel).as_posix()
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"{shown} is {kind(info.st_mode)}, not a file katas can read: nothing was read or written. "
                      + (way_back or "Remove it, or replace it with a regular file."))
    if info.st_size > MAX_BYTES:
        raise Refused(f"{shown} is {info.st_size // (1 << 20)} MB, too large for a kata's file (at most "
                      f"{MAX_BYTES >> 20} MB): nothing was read or written. " + (way_back or "Make it smaller."))
    return path


def kata_file(root: Path, name: str) -> Path | None:
    """katas/<name> when it is a regular file, None when missing; Refused otherwise (see `regular`)."""
    return regular(root, Path("katas") / name, f"Remove it, then `katas reset {name[:3]}` writes the stub back.")


class BadBytes(ValueError):
    """A learner's file is not UTF-8 text; the message names the byte, its line and column, and the way back."""


def decode(raw: bytes, shown: str) -> str:
    """The file's text; a byte that is not UTF-8 raises BadBytes naming it (`shown` is the file's path).
    A UTF-8 byte order mark at the start (VS Code's "UTF-8 with BOM", Notepad) is dropped, as Python does."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise BadBytes(f"{shown}, line {line}, column {column}: byte 0x{raw[err.start]:02x} is not UTF-8 text. Save the "
                       f"file as UTF-8 (your editor's 'Save with encoding'), or `katas reset "
                       f"{Path(shown).stem[:3]}` (your version is kept as a backup).") from None


def _words(data: bytes) -> bytes:
    return b" ".join(data.split())


def differs_from_stub(root: Path, name: str) -> bool:
    """Touched: the file is missing, is not a regular file, or differs from the shipped stub by more than white
    space (a link, a FIFO or a huge file counts as touched, and is not opened)."""
    stub = shipped.stub(name)
    try:
        path = kata_file(root, name)
    except Refused:
        return True
    return path is None or stub is None or _words(path.read_bytes()) != _words(stub.encode("utf-8"))


def backup(root: Path, path: Path) -> Path:
    """Copy a learner's file to .katas/backups/<stem>.<time><suffix> (never overwriting an older backup, never
    through a link). `path` must be a regular file (callers check it with `regular`)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = no_links(root, BACKUPS)
    folder.mkdir(parents=True, exist_ok=True)
    no_links(root, BACKUPS)  # (mkdir made the missing parts; none may have been a link meanwhile)
    data = path.read_bytes()
    for n in range(1000):
        kept = folder / f"{path.stem}.{stamp}{f'-{n}' if n else ''}{path.suffix}"
        try:
            with open(kept, "xb") as out:  # exclusive: never replaces a file, never follows a link
                out.write(data)
            return kept
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder.relative_to(root)} already holds 1000 backups of {path.name} from this second")


def set_aside(root: Path, rel: Path) -> Path:
    """Move root/rel (whatever it is: a file, a link, a FIFO) into .katas/backups/ under a dated name, without
    opening it; returns where it went. Refused when .katas/ or its backups/ is a link."""
    folder = no_links(root, BACKUPS)
    folder.mkdir(parents=True, exist_ok=True)
    no_links(root, BACKUPS)
    name = Path(rel).name
    stem, suffix = (name.rsplit(".", 1)[0], "." + name.rsplit(".", 1)[1]) if "." in name else (name, "")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        kept = folder / f"{stem}.{stamp}{f'-{n}' if n else ''}{suffix}"
        if not kept.exists() and not kept.is_symlink():
            os.replace(no_links(root, Path(rel).parent) / Path(rel).name, kept)  # (a link itself moves as a link)
            return kept
    raise FileExistsError(f"{folder.relative_to(root)} already holds 1000 copies of {name} from this second")


def save(root: Path, name: str, text: str) -> tuple[bool, Path | None]:
    """Write the learner's new version of katas/<name>; the old one goes to .katas/backups/ first when it
    differs. Returns (whether the file changed, the backup's path or None). Refused for a link or a file
    that is not a regular one: nothing is written anywhere then."""
    path = kata_file(root, name)
    data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    if path is not None and path.read_bytes() == data:
        return False, None
    kept = backup(root, path) if path is not None else None
    _write(root, name, data)
    return True, kept


def reset(root: Path, name: str) -> Path | None:
    """Write the stub back; the learner's current file first goes to .katas/backups/. Returns the backup path.
    Refused (before anything is written) for a link or a file that is not a regular one."""
    stub = shipped.stub(name)
    if stub is None:
        raise ValueError(f"no shipped stub for {name}; `git checkout -- katas/{name}` restores the committed one")
    path = kata_file(root, name)
    kept = backup(root, path) if path is not None else None
    _write(root, name, stub.encode("utf-8"))
    return kept


def _write(root: Path, name: str, data: bytes) -> None:
    """katas/<name>, written in place; O_NOFOLLOW (where there is one) refuses a link made since the check."""
    path = no_links(root, Path("katas") / name)
    # O_NONBLOCK: a FIFO made since the check fails at once instead of waiting for a reader
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0),
                 0o644)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
