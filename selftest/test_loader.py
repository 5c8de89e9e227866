"""The kata loader: broken files fail with the file, the line and a plain sentence; borrowing the
reference solution is refused."""

import os
import sys
from pathlib import Path

import pytest

from katakit import loader


@pytest.fixture
def root(tmp_path) -> Path:
    for folder in ("katas", "reference"):
        (tmp_path / folder).mkdir()
    (tmp_path / "reference" / "q13_mse.py").write_text("def mse(preds, targets):\n    return (preds - targets).pow(2).mean()\n")
    return tmp_path


@pytest.fixture(autouse=True)
def in_root(root, monkeypatch):
    monkeypatch.chdir(root)  # as when a learner runs `katas` in the repository


def load(root: Path, source: str):
    (root / "katas" / "q13_mse.py").write_text(source)
    return loader.load_kata(root, "katas", "q13_mse")


def test_a_syntax_error_names_the_file_and_the_line(root):
    with pytest.raises(loader.KataLoadError, match=r"^katas/q13_mse.py, line 2: Python cannot read this file"):
        load(root, "def mse(preds, targets):\n    return (preds - targets\n")


def test_an_exception_at_import_names_the_file_the_line_and_the_error(root):
    with pytest.raises(loader.KataLoadError, match=r"^katas/q13_mse.py, line 3: importing the file raised NameError"):
        load(root, "import torch\n\nx = undefined_name\n")


def test_a_missing_function_says_missing_function(root):
    kata = load(root, "def mean_squared_error(preds, targets):\n    return 0\n")
    with pytest.raises(loader.MissingFunction, match=r"MISSING FUNCTION --> katas/q13_mse.py defines no `mse`"):
        kata.mse(None, None)


@pytest.mark.parametrize("source", [
    "from reference.q13_mse import mse\n",
    "import reference.q13_mse as solved\nmse = solved.mse\n",
    "import importlib.util, pathlib\n"
    "spec = importlib.util.spec_from_file_location('x', pathlib.Path(__file__).parent.parent / 'reference' / 'q13_mse.py')\n"
    "m = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(m)\nmse = m.mse\n",
])
def test_a_kata_that_uses_the_reference_is_refused(root, source, monkeypatch):
    monkeypatch.syspath_prepend(str(root))
    with pytest.raises(loader.KataLoadError, match="uses the reference solution"):
        load(root, source)


def test_a_save_within_the_same_second_and_of_the_same_size_is_seen(root, monkeypatch):
    """No bytecode cache stands between a save and a check: a file is compiled from its source every time
    (even where Python writes bytecode caches, as on a learner's machine)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = root / "katas" / "q13_mse.py"
    path.write_text("def mse(preds, targets):\n    return 1\n")
    stamp = path.stat().st_mtime_ns
    assert loader.load_kata(root, "katas", "q13_mse").module.mse(None, None) == 1
    path.write_text("def mse(preds, targets):\n    return 2\n")  # same size
    os.utime(path, ns=(stamp, stamp))  # same time
    assert loader.load_kata(root, "katas", "q13_mse").module.mse(None, None) == 2, "the old version was used"
