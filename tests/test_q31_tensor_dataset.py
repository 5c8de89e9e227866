"""q31 · TensorDataset."""

import torch
from torch.utils.data import TensorDataset

from katakit import data, written
from katakit.checks import expect, require
from katakit.describe import value


def _dataset(kata, inputs, targets, called="make_dataset(inputs, targets)"):
    """Hard precondition: the kata returns a real TensorDataset."""
    __tracebackhide__ = True
    ds = kata.make_dataset(inputs, targets)
    require(not isinstance(ds, list),
            f"{called} returned a plain list of {len(ds) if isinstance(ds, list) else 0} items; expected a "
            "TensorDataset. Zipping the rows into a plain list loses what a dataset gives you (slicing ds[0:3] into "
            "whole tensors, a clear error for mismatched rows). Which class in torch.utils.data pairs the rows?",
            cause="a plain list")
    require(isinstance(ds, TensorDataset),
            f"{called} returned {value(ds)} ({type(ds).__name__}); expected a TensorDataset. "
            "Import it with `from torch.utils.data import TensorDataset` and give it both tensors.",
            cause="make_dataset: type")
    _pairs(ds, called)
    return ds


def _pairs(ds, called):
    """Hard precondition: each item of the dataset holds two tensors (the input row and the target row)."""
    __tracebackhide__ = True
    count = len(ds.tensors)
    require(count == 2, f"{called} holds {count} tensor(s) per item; expected 2: the input row and its target row. "
                        + ("Did you leave out the targets? Give TensorDataset both tensors." if count < 2 else
                           "Give TensorDataset just the two tensors, inputs and targets."), cause="tensors per item")


def _item(ds, i, called, label=None):
    """Hard precondition: ds[i] is a pair of tensors."""
    __tracebackhide__ = True
    item, label = ds[i], label or str(i)
    require(isinstance(item, tuple) and len(item) == 2 and all(isinstance(t, torch.Tensor) for t in item),
            f"{called}[{label}] gave {value(item)}; expected a tuple of two tensors (input row, target row).",
            cause="make_dataset: items")
    return item


def test_make_dataset_returns_a_tensor_dataset(kata):
    _dataset(kata, data.inputs(15), data.targets(15))


def test_the_dataset_has_one_item_per_row(kata):
    ds = _dataset(kata, data.inputs(15), data.targets(15))
    expect(len(ds) == 15, f"len(make_dataset(inputs, targets)) is {len(ds)}; expected 15, one item per row of "
                          "the 15-row crop data.", cause="length")


def _row(t) -> str:
    return "(" + ", ".join(f"{v:.4g}" for v in t.tolist()) + ")"


def _expect_rows(ds, inputs, targets, called):
    """Every item i is (inputs[i], targets[i]); a dataset that gives the target row first is named as swapped."""
    x, _ = _item(ds, 0, called)
    if x.shape == targets[0].shape and torch.equal(x, targets[0]):
        expect(False, f"{called}[0] starts with the target row {_row(targets[0])}; expected the input row "
                      f"{_row(inputs[0])} first. Did you swap inputs and targets? The order you pass them to "
                      "TensorDataset is the order each item comes back in.", cause="swapped")
        return False
    wrong = [i for i in range(min(len(inputs), len(ds)))
             if not (torch.equal(ds[i][0], inputs[i]) and torch.equal(ds[i][1], targets[i]))]
    expect(not wrong, f"{called}[{wrong[0] if wrong else 0}] is not (inputs[{wrong[0] if wrong else 0}], "
                      f"targets[{wrong[0] if wrong else 0}]). Every item i must be (inputs[i], targets[i]), from the "
                      "very tensors you were given, in their row order.", cause="row order")
    return not wrong


def test_each_item_is_an_input_row_and_its_target_row(kata):
    inputs, targets = data.inputs(15), data.targets(15)
    _expect_rows(_dataset(kata, inputs, targets), inputs, targets, "make_dataset(inputs, targets)")


def test_slicing_gives_whole_tensors_of_several_rows(kata):
    inputs, targets = data.inputs(15), data.targets(15)
    ds = _dataset(kata, inputs, targets)
    if not _expect_rows(ds, inputs, targets, "make_dataset(inputs, targets)"):
        return
    batch = _item(ds, slice(0, 3), "make_dataset(inputs, targets)", label="0:3")
    expect(tuple(batch[0].shape) == (3, 3) and tuple(batch[1].shape) == (3, 2)
           and torch.equal(batch[0], inputs[:3]) and torch.equal(batch[1], targets[:3]),
           f"make_dataset(inputs, targets)[0:3] gave tensors of shapes {tuple(batch[0].shape)} and "
           f"{tuple(batch[1].shape)}; expected the first three input rows (3, 3) and their three target rows (3, 2).",
           cause="slicing")


def test_the_dataset_works_for_any_number_of_rows_and_columns(kata, seed):
    inputs, targets = data.random_batch(seed, rows=7, cols=4), data.random_batch(seed + 1, rows=7, cols=1)
    called = "make_dataset(inputs (7, 4), targets (7, 1))"
    ds = _dataset(kata, inputs, targets, called=called)
    expect(len(ds) == 7, f"{called} has length {len(ds)}; expected 7. Do not assume the crop data's 15 rows.",
           cause="length")
    _expect_rows(ds, inputs, targets, called)


def test_mismatched_row_counts_are_refused(kata):
    try:
        ds = kata.make_dataset(data.inputs(15), data.targets(5))
    except NotImplementedError:
        raise
    except (AssertionError, ValueError, RuntimeError, IndexError):
        return  # refusing rows that do not pair up is right
    called = "make_dataset(inputs with 15 rows, targets with 5 rows)"
    if isinstance(ds, list) or (isinstance(ds, TensorDataset) and len(ds.tensors) != 2):
        _dataset(kata, data.inputs(15), data.targets(15))  # the same mistake as with matching rows: named there
    size = f" of {len(ds)} items" if hasattr(ds, "__len__") else ""
    expect(False, f"{called} returned a {type(ds).__name__}{size} without an error. Rows that do not pair up are a "
                  "bug in the data; zip() silently stops at the shorter one. TensorDataset(inputs, targets) refuses "
                  "them for you.", cause="mismatched rows accepted")


# The written half: katas/q31_tensor_dataset.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.false("`ds[0]` is one tensor that joins the first input row and its target row into 5 numbers.",
                      "what indexing a TensorDataset gives"),
        written.false("`TensorDataset(inputs, targets)` accepts 15 input rows with 5 target rows and pairs the first 5 "
                      "of them.", "rows that do not pair up"),
        written.true("A TensorDataset keeps the rows in their order and hands them out by index or slice; cutting "
                     "them into batches and shuffling them is a DataLoader's job.",
                     "what a TensorDataset does not do"),
        written.true("A TensorDataset pairs each input row with the target row at the same index.",
                     "what a TensorDataset holds"),
        written.false("`ds[0:3]` gives a list of three separate (input row, target row) pairs.",
                      "what slicing a TensorDataset gives"),
        written.true("`ds[0]` is a tuple: the first input row and the first target row.",
                     "what indexing a TensorDataset gives"),
        written.true("`ds[0:3]` gives a tuple of two tensors: the first three input rows and their three target rows.",
                     "what slicing a TensorDataset gives"),
        written.false("A TensorDataset shuffles the rows when it is created.", "what a TensorDataset does not do"),
    ),
    snippets=(
        written.Snippet("from torch.utils.data import TensorDataset\n"
                        "ds = TensorDataset(torch.zeros(15, 3), torch.zeros(15, 2))\nxb, yb = ds[0:4]\n"
                        "print(len(ds), tuple(xb.shape), tuple(yb.shape))",
                        about="the length of a TensorDataset and a slice of it",
                        nudge="What does len count: rows or numbers? And how many rows does the slice 0:4 hold?"),
        written.Snippet("from torch.utils.data import TensorDataset\n"
                        "inputs = torch.tensor([[73.0, 67.0, 43.0], [91.0, 88.0, 64.0], [87.0, 134.0, 58.0]])\n"
                        "targets = torch.tensor([[56.0, 70.0], [81.0, 101.0], [119.0, 133.0]])\n"
                        "ds = TensorDataset(inputs, targets)\nprint(ds[1][1])", about="one item of a TensorDataset",
                        nudge="ds[1] is the pair for row 1 (the second row). Which part of the pair is [1]?"),
    ),
    ideas=(
        "it wraps inputs and targets together so each input row stays paired with its target row",
        "indexing gives a tuple (input row, target row); a slice gives several rows of each",
        "it neither batches nor shuffles: that is the DataLoader's job",
        "an example, such as TensorDataset(inputs, targets) and train_ds[0] or train_ds[0:3]",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
