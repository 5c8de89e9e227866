"""One click to Colab: notebooks/colab.ipynb is the workbook of the untouched stubs (what `katas notebook`
writes in a fresh clone) with a setup cell first that fetches and installs the katas where they are not
installed yet (Colab, Kaggle). The README's "Open in Colab" badge opens it from GitHub:

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

SETUP = f"""# Colab or Kaggle: fetch the katas and install them. Skipped where they are installed already (your clone).
import importlib.util

# On your fork, put its address here, so that `git push` from this notebook saves your work there.
REPOSITORY = "https://github.com/{REPOSITORY}"
if importlib.util.find_spec("katakit") is None:
    !git clone -q $REPOSITORY katas-repo
    %cd katas-repo
    # %pip, not !pip: into this kernel's own Python, whichever pip comes first on PATH
    %pip install -q -e .
"""

INTRO = """# Gradient descent katas in Colab

Run the next cell first: it fetches the katas and installs them (Colab already has torch; about a minute).
Then work through the kata cells below. Each `%%kata` or `%%answer` cell is saved to `katas/` and checked when
you run it. Colab forgets its files when the session ends: push them to your fork
(`!git add katas .katas && git commit -m "progress" && git push`) or download `katas/`.
"""


def url(repository: str = REPOSITORY, branch: str = "main", path: Path = NOTEBOOK) -> str:
    """The address that opens a notebook of a GitHub repository in Colab."""
    return f"https://colab.research.google.com/github/{repository}/blob/{branch}/{path.as_posix()}"


def text(root: Path) -> str:
    """The notebook: the intro, the setup cell, then the workbook of the shipped stubs (never a maintainer's
    own solutions in katas/)."""
    import tempfile

    from katakit import notebook, shipped

    katas = manifest.load(root)
    with tempfile.TemporaryDirectory() as folder:
        for name in (name for kata in katas for name in kata.files):
            stub = shipped.stub(name)
            if stub is None:
                raise ValueError(f"no shipped stub for {name}: run `python -m katakit.shipped --write` first")
            (Path(folder) / "katas").mkdir(exist_ok=True)
            (Path(folder) / "katas" / name).write_text(stub, encoding="utf-8")
        owner, repo = REPOSITORY.split("/")
        book = notebook.workbook(Path(folder), katas, Path(folder) / NOTEBOOK, (owner, repo, "main"))
    # this notebook's own intro and setup cell instead of the workbook's; each kata's link opens this notebook
    book["cells"][:2] = [notebook._cell("markdown", INTRO), notebook._cell("code", SETUP)]
    for n, cell in enumerate(book["cells"]):
        cell.setdefault("id", f"cell-{n}")  # a kata's heading keeps its id: its link scrolls to it
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
