"""The manifest (katas.toml) is the one list of katas; everything else reads it through here."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from katakit import frontend

MANIFEST = "katas.toml"


class NotAKataRepo(Exception):
    pass


@dataclass(frozen=True)
class Kata:
    id: str
    slug: str
    title: str
    question: str
    kind: str  # "code", "written" or "both"
    files: tuple[str, ...]
    concepts: tuple[str, ...]
    hints: tuple[str, ...]
    links: tuple[str, ...] = ()  # the PyTorch documentation pages the kata uses, and the lesson

    @property
    def name(self) -> str:
        return f"{self.id}_{self.slug}"

    @property
    def test_file(self) -> str:
        return f"tests/test_{self.name}.py"

    @property
    def number(self) -> int:
        return int(self.id[1:])


def find_root(start: Path | None = None) -> Path:
    """The folder holding katas.toml, searched from `start` (default: the working directory) upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MANIFEST).is_file():
            return folder
    raise NotAKataRepo(
        f"No {MANIFEST} in {here} or above. Run `katas` inside your clone of the kata repository."
    )


_LOADED: dict[tuple[Path, int], list] = {}


def load(root: Path | None = None) -> list[Kata]:
    """The katas, in order (parsed once per version of the file: a notebook asks for every cell)."""
    path = (root or find_root()) / MANIFEST
    key = (path, path.stat().st_mtime_ns)
    if key not in _LOADED:
        _LOADED[key] = _parse(tomllib.loads(path.read_text(encoding="utf-8")))
    return list(_LOADED[key])


def _parse(data: dict) -> list[Kata]:
    return [
        Kata(
            id=e["id"],
            slug=e["slug"],
            title=e["title"],
            question=e["question"],
            kind=e["kind"],
            files=tuple(e["files"]),
            concepts=tuple(e.get("concepts", ())),
            hints=tuple(e.get("hints", ())),
            links=tuple(e.get("links", ())),
        )
        for e in data["kata"]
    ]


def normalise_id(text: str) -> str:
    """'13', 'q13', 'Q13' and 'q13_mse' all name kata q13."""
    match = re.fullmatch(r"[qQ]?0*(\d{1,2})(_\w*)?", text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a kata id; use q01 … q44 (or just 1 … 44).")
    return f"q{int(match.group(1)):02d}"


def get(kata_id: str, katas: list[Kata] | None = None) -> Kata:
    wanted = normalise_id(kata_id)
    for kata in katas if katas is not None else load():
        if kata.id == wanted:
            return kata
    raise ValueError(f"There is no kata {wanted}; the ids run from q01 to q44 (`{frontend.katas('list')}` shows "
                     "them).")
