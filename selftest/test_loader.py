"""The kata loader: broken files fail with the file, the line and a plain sentence; borrowing the
reference solution is refused."""

import os
import sys
import time
from pathlib import Path

import numpy
import pytest
import torch

from katakit import loader, mistakes, shipped, written


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


# "Not started" is the shipped stub's own raise line, and nothing else -----------------------------------

STUB = shipped.stub("q28_trained_predictions.py")
HALF_DONE = STUB.replace('    raise NotImplementedError("q28: prediction_errors is not written yet")',
                         "    return predictions_as_numpy(inputs, model.weight, model.bias) - targets.numpy()")


def raised(root: Path, source: str, call: str) -> NotImplementedError:
    """Load `source` as katas/q28_trained_predictions.py and return the NotImplementedError that `call` raises."""
    (root / "katas" / "q28_trained_predictions.py").write_text(source, encoding="utf-8")
    kata = loader.load_kata(root, "katas", "q28_trained_predictions")
    with pytest.raises(NotImplementedError) as info:
        eval(call, {"k": kata, "torch": torch, "nn": torch.nn})  # noqa: S307 (the test's own expressions)
    return info.value


OWN = "Your own code raised NotImplementedError here"


@pytest.mark.parametrize(("source", "call", "said"), [
    (STUB, "k.predictions_as_numpy(None, None, None)", None),
    ("# my notes\n\n\n" + STUB, "k.predictions_as_numpy(None, None, None)", None),  # lines added above
    (HALF_DONE, "k.prediction_errors(nn.Linear(3, 2), torch.ones(2, 3), torch.ones(2, 2))", None),
    (STUB.replace("q28: predictions_as_numpy is not written yet", "later"),
     "k.predictions_as_numpy(None, None, None)", OWN),  # the learner's own raise, not the shipped one
    (STUB + "\n\ndef helper():\n    raise NotImplementedError('q28: predictions_as_numpy is not written yet')\n",
     "k.helper()", OWN),  # the stub's text, but in a function of the learner's
    (STUB + "\n\nclass Model(nn.Module):\n    def foward(self, x):\n        return x\n",
     "k.module.Model()(torch.ones(1))", "nn.Module subclass Model has no forward (is it misspelt? you defined `foward`)"),
    (STUB + "\n\nclass Rows(torch.utils.data.Dataset):\n    pass\n", "k.module.Rows()[0]",
     "Dataset subclass Rows has no __getitem__"),
    (STUB + "\n\nclass Order(torch.utils.data.Sampler):\n    def __init__(self):\n        pass\n\n"
     "    def __itr__(self):\n        return iter([0])\n", "iter(k.module.Order())",
     "Sampler subclass Order has no __iter__ (is it misspelt? you defined `__itr__`)"),
    (STUB, "torch.ones(2, device='meta').tolist()", "PyTorch does not implement this operation"),
], ids=["stub", "lines-above", "written-calls-stub", "own-message", "own-helper", "module-forward",
        "dataset-getitem", "sampler-iter", "meta-device"])
def test_only_the_shipped_stubs_own_raise_means_not_started(root, source, call, said):
    """Not started (said is None), or a failure whose message says what raised the NotImplementedError."""
    error = raised(root, source, call)
    assert mistakes.stub_raised(error, root / "katas" / "q28_trained_predictions.py") is (said is None)
    if said:
        explained = mistakes.explain(error, mistakes._situation(error, root))
        assert explained and said in explained, explained


def test_a_module_without_forward_names_the_class_and_the_misspelt_method(root):
    error = raised(root, STUB + "\n\nclass Model(nn.Module):\n    def foward(self, x):\n        return x\n",
                   "k.module.Model()(torch.ones(1))")
    assert "nn.Module subclass Model has no forward (is it misspelt? you defined `foward`)" in mistakes.explain(error)


def test_a_call_into_another_katas_stub_names_that_kata(root, monkeypatch):
    (root / "katas" / "q13_mse.py").write_text(shipped.stub("q13_mse.py"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.delitem(sys.modules, "katas", raising=False)
    monkeypatch.delitem(sys.modules, "katas.q13_mse", raising=False)
    source = STUB.replace('    raise NotImplementedError("q28: prediction_errors is not written yet")',
                          "    from katas.q13_mse import mse\n    return mse(inputs, targets)")
    error = raised(root, source, "k.prediction_errors(None, torch.ones(1), torch.ones(1))")
    assert not mistakes.stub_raised(error, root / "katas" / "q28_trained_predictions.py")
    assert "calls `mse` from katas/q13_mse.py, which is still the stub" in mistakes.explain(error)


def test_a_reference_file_that_raises_is_never_not_started(root):
    (root / "reference" / "q28_trained_predictions.py").write_text(STUB, encoding="utf-8")
    kata = loader.load_kata(root, "reference", "q28_trained_predictions")
    with pytest.raises(NotImplementedError) as info:
        kata.predictions_as_numpy(None, None, None)
    assert not mistakes.stub_raised(info.value, root / "katas" / "q28_trained_predictions.py")


# Files as editors save them, and text no pattern can stall on ----------------------------------------

BOM = "\ufeff"


def test_a_kata_saved_with_a_byte_order_mark_loads(root):
    kata = load(root, BOM + "def mse(preds, targets):\n    return 3\n")
    assert kata.mse(None, None) == 3


def test_a_bad_byte_after_a_byte_order_mark_is_named_where_the_editor_shows_it(root):
    (root / "katas" / "q13_mse.py").write_bytes(BOM.encode() + b"x = 1\ny = '\xff'\n")
    with pytest.raises(loader.KataLoadError, match=r"line 2, column 6: byte 0xff"):
        loader.load_kata(root, "katas", "q13_mse")


def test_a_written_answer_saved_with_a_byte_order_mark_parses(root):
    text = BOM + "## Your answer\n\nMy words here.\n\n## Check yourself\n\n- [x] A statement.\n"
    (root / "katas" / "q13_mse.md").write_bytes(text.encode())
    answer = written.read_answer(root, "katas", "q13_mse")
    assert answer.text == "My words here." and answer.marks == {"A statement.": True}


def _adversarial(n: int) -> dict[str, str]:
    """Written files built to make a backtracking pattern take time that grows faster than their length."""
    head = "## Your answer\n\nwords\n\n"
    return {
        "spaces": head + "## Check yourself\n\n" + " " * n + "\n## Fill in the blanks\n\n" + " " * n + "\n",
        "open box": head + "## Check yourself\n\n- [" + " " * n + "\n- [" + " " * n + "x" + " " * n + "\n",
        "answer": head + "## Fill in the blanks\n\n- " + " " * n + "**Answer:" + " " * n + "**" + " " * n + "\n"
                  + "-" + " " * n + "a\n" + "*" * n + "Answer\n",
        "output": head + "## Predict the output\n\n```\nx\n```\n" + "*" * n + "Output" + " " * n + "\n",
        "heading": head + "##" + " " * n + "x" + " " * n + "y\n",
        "megabyte": head + "## Fill in the blanks\n\n" + ("- [ ] **Answer:** " + " " * 40 + "\n") * (n // 60),
    }


def _parse_all(n: int) -> float:
    start = time.process_time()  # CPU time: the bound holds on a busy machine
    for text in _adversarial(n).values():
        answer = written.parse(text, Path("katas/q13_mse.md"))
        written.judge_written(answer)
        for value in [*answer.blanks.values(), text[-n:]]:
            written.normalise(value)
            written.output_tokens(value)
    for value in ("about " * (n // 6) + "2", "2" + " a bit" * (n // 6), "1" * n + "x", "~" * n, "." * n + "a"):
        written.normalise(value)  # a blank's answer: hedges and echoes are dropped one by one
    return time.process_time() - start


def test_written_files_parse_in_linear_time():
    """A line of 600 spaces once took the parser past its time limit (nested quantifiers over white space)."""
    _parse_all(1000)  # warm up
    small, large = _parse_all(100_000), _parse_all(200_000)  # six files of 0.2 to 1 MB each, then twice that
    assert large < 0.5, f"six adversarial written files of up to 1 MB took {large:.2f} s to parse"
    assert large < 3 * small + 0.05, f"doubling the input took the parser from {small:.3f} s to {large:.3f} s"


def _explain_all(n: int) -> float:
    start = time.process_time()  # CPU time: the bound holds on a busy machine
    for text in ("unsupported operand type(s) for " * (n // 32) + "x" * n, "(1" * n + "x" * n,
                 "same dtype, but got " * (n // 20), "mat1 and mat2 shapes cannot be multiplied (" + "1" * n):
        mistakes.explain(TypeError(text))
    return time.process_time() - start


def test_error_texts_are_matched_in_linear_time():
    """A kata can raise an error with any message; the patterns that name known mistakes read it in linear time
    (one pattern once took minutes on a megabyte of repeated text)."""
    _explain_all(1000)
    small, large = _explain_all(200_000), _explain_all(400_000)
    assert large < 0.5, f"matching error texts of about 1 MB took {large:.2f} s"
    assert large < 3 * small + 0.05, f"doubling the error text took matching from {small:.3f} s to {large:.3f} s"


def test_only_classes_that_could_lie_are_refused_at_the_katas_door():
    """A subclass of a number or container that redefines a special method (here __eq__), and any tensor
    subclass, is refused; a namedtuple, an OrderedDict or a subclass that adds nothing is taken as it is."""
    import collections

    class Always(float):
        def __eq__(self, other):
            return True

        __hash__ = float.__hash__

    class Bare(list):
        pass

    class Mine(torch.Tensor):
        pass

    pair = collections.namedtuple("Pair", "w b")
    refused = [Always(1.0), [Always(2.0)], {"loss": Always(3.0)}, torch.zeros(1).as_subclass(Mine)]
    taken = [pair(1, 2), collections.OrderedDict(a=1), Bare([1]), torch.Size([2]), torch.nn.Parameter(torch.zeros(1)),
             torch.max(torch.zeros(2, 2), 1), numpy.float64(1.0)]
    assert all(loader._not_plain(v) is not None for v in refused), [v for v in refused if loader._not_plain(v) is None]
    assert all(loader._not_plain(v) is None for v in taken), [v for v in taken if loader._not_plain(v) is not None]
