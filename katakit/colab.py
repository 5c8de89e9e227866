"""One click to Colab: notebooks/colab.ipynb is the workbook of the untouched stubs (what `katas notebook`
writes), made for the project's repository on GitHub: its setup cell fetches and installs the katas where they
are not there yet (Colab, Kaggle). The README's "Open in Colab" badge opens it from GitHub:

    https://colab.research.google.com/github/<owner>/<repo>/blob/<branch>/notebooks/colab.ipynb

    python -m katakit.colab --write    # after changing a stub, the workbook or this setup cell
    python -m katakit.colab --check    # exit 1 when the file is stale (the self-test runs it)

Colab opens notebooks from GitHub or Drive, not from the machine's disk, so the cells must already be in the
notebook it opens: a setup cell that wrote workbook.ipynb would leave the learner nothing to click.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from katakit import manifest

REPOSITORY = "OWNER/gradient-descent-katas"  # the project's own repository, as in selftest.yml
NOTEBOOK = Path("notebooks") / "colab.ipynb"

def url(repository: str = REPOSITORY, branch: str = "main", path: Path = NOTEBOOK) -> str:
    """The address that opens a notebook of a GitHub repository in Colab."""
    return f"https://colab.research.google.com/github/{repository}/blob/{branch}/{path.as_posix()}"


def text(root: Path) -> str:
    """The workbook of the shipped stubs (never a maintainer's own solutions in katas/), made for this repository
    on GitHub: its first cell clones and installs it, and each kata's Colab link opens this notebook there."""
    import tempfile

    from katakit import notebook, shipped

    katas = manifest.load(root)
    owner, repo = REPOSITORY.split("/")
    with tempfile.TemporaryDirectory() as folder:
        for name in (name for kata in katas for name in kata.files):
            stub = shipped.stub(name)
            if stub is None:
                raise ValueError(f"no shipped stub for {name}: run `python -m katakit.shipped --write` first")
            (Path(folder) / "katas").mkdir(exist_ok=True)
            (Path(folder) / "katas" / name).write_text(stub, encoding="utf-8")
        book = notebook.workbook(Path(folder), katas, Path(folder) / NOTEBOOK, where=(owner, repo, "main"))
    for n, cell in enumerate(book["cells"]):
        cell.setdefault("id", f"cell-{n}")  # a kata's heading keeps its own id: its Colab link scrolls to it
    return json.dumps(book, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    root = manifest.find_root()
    path = root / NOTEBOOK
    wanted = text(root)
    if "--write" in argv:
        path.parent.mkdir(exist_ok=True)
        path.write_text(wanted, encoding="utf-8")
        print(f"wrote {NOTEBOOK}")
        return 0
    same = path.is_file() and path.read_text(encoding="utf-8") == wanted
    print(f"{NOTEBOOK} {'is current' if same else 'is stale: run `python -m katakit.colab --write` (on the stubs)'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
