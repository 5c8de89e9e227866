"""q31 · TensorDataset."""

import pytest
import torch
from torch.utils.data import TensorDataset

from katakit import data
from katakit.checks import expect
from katakit.describe import value
from katakit.written import check_concepts, check_length


def _dataset(kata, inputs, targets, called="make_dataset(inputs, targets)"):
    """Hard precondition: the kata returns a real TensorDataset."""
    __tracebackhide__ = True
    ds = kata.make_dataset(inputs, targets)
    if isinstance(ds, list):
        pytest.fail(f"{called} returned a plain list of {len(ds)} items; expected a TensorDataset. Zipping the "
                    "rows into a plain list loses what a dataset gives you (slicing ds[0:3] into whole tensors, "
                    "a clear error for mismatched rows). Use TensorDataset(inputs, targets) from torch.utils.data.",
                    pytrace=False)
    assert isinstance(ds, TensorDataset), (
        f"{called} returned {value(ds)} ({type(ds).__name__}); expected a TensorDataset. "
        "Import it with `from torch.utils.data import TensorDataset` and give it both tensors.")
    return ds


def _item(ds, i, called, label=None):
    """Hard precondition: ds[i] is a pair of tensors."""
    __tracebackhide__ = True
    item, label = ds[i], label or str(i)
    assert isinstance(item, tuple) and all(isinstance(t, torch.Tensor) for t in item), (
        f"{called}[{label}] gave {value(item)}; expected a tuple of tensors (input row, target row).")
    assert len(item) == 2, (
        f"{called}[{label}] gave a tuple of {len(item)} tensor(s); expected 2: the input row and its target row. "
        "Did you leave out the targets? Give TensorDataset both tensors.")
    return item


def test_make_dataset_returns_a_tensor_dataset(kata):
    _dataset(kata, data.inputs(15), data.targets(15))


def test_the_dataset_has_one_item_per_row(kata):
    ds = _dataset(kata, data.inputs(15), data.targets(15))
    expect(len(ds) == 15, f"len(make_dataset(inputs, targets)) is {len(ds)}; expected 15, one item per row of "
                          "the 15-row crop data.")


def test_each_item_is_an_input_row_and_its_target_row(kata):
    inputs, targets = data.inputs(15), data.targets(15)
    ds = _dataset(kata, inputs, targets)
    x, y = _item(ds, 0, "make_dataset(inputs, targets)")
    swapped = x.shape == targets[0].shape and torch.equal(x, targets[0])
    expect(not swapped, "make_dataset(inputs, targets)[0] starts with the target row (56, 70); expected the input "
                        "row (73, 67, 43) first. Did you swap inputs and targets? The order you pass them to "
                        "TensorDataset is the order each item comes back in.")
    wrong = [i for i in range(min(15, len(ds)))
             if not (torch.equal(ds[i][0], inputs[i]) and torch.equal(ds[i][1], targets[i]))]
    first = wrong[0] if wrong else 0
    expect(swapped or not wrong,
           f"make_dataset(inputs, targets)[{first}] does not hold input row {first} and its target row. "
           "Every item i must be (inputs[i], targets[i]), from the very tensors you were given, in their row order.")


def test_slicing_gives_whole_tensors_of_several_rows(kata):
    inputs, targets = data.inputs(15), data.targets(15)
    ds = _dataset(kata, inputs, targets)
    batch = _item(ds, slice(0, 3), "make_dataset(inputs, targets)", label="0:3")
    expect(tuple(batch[0].shape) == (3, 3) and tuple(batch[1].shape) == (3, 2),
           f"make_dataset(inputs, targets)[0:3] gave tensors of shapes {tuple(batch[0].shape)} and "
           f"{tuple(batch[1].shape)}; expected (3, 3) and (3, 2): three input rows and their three target rows.")
    expect(batch[0].shape != (3, 3) or (torch.equal(batch[0], inputs[:3]) and torch.equal(batch[1], targets[:3])),
           "make_dataset(inputs, targets)[0:3] does not hold the first three rows of inputs and targets.")


def test_the_dataset_works_for_any_number_of_rows_and_columns(kata, seed):
    inputs, targets = data.random_batch(seed, rows=7, cols=4), data.random_batch(seed + 1, rows=7, cols=1)
    ds = _dataset(kata, inputs, targets, called="make_dataset(inputs (7, 4), targets (7, 1))")
    expect(len(ds) == 7, f"make_dataset(inputs (7, 4), targets (7, 1)) has length {len(ds)}; expected 7. "
                         "Do not assume the crop data's 15 rows.")
    x, y = _item(ds, 6, "make_dataset(inputs (7, 4), targets (7, 1))")
    expect(torch.equal(x, inputs[6]) and torch.equal(y, targets[6]),
           "make_dataset(inputs (7, 4), targets (7, 1))[6] is not (inputs[6], targets[6]). Whatever their shapes, "
           "each item must be (input row, target row) of the very tensors you were given.")


def test_mismatched_row_counts_are_refused(kata):
    try:
        ds = kata.make_dataset(data.inputs(15), data.targets(5))
    except NotImplementedError:
        raise
    except (AssertionError, ValueError, RuntimeError, IndexError):
        return  # refusing rows that do not pair up is right
    size = f" of {len(ds)} items" if hasattr(ds, "__len__") else ""
    expect(False, f"make_dataset(inputs with 15 rows, targets with 5 rows) returned a {type(ds).__name__}{size} "
                  "without an error. "
                  "Rows that do not pair up are a bug in the data; zip() silently stops at the shorter one. "
                  "TensorDataset(inputs, targets) refuses them for you.")


RUBRIC = {
    "that it wraps (pairs) the inputs and targets tensors together":
        r"pair|together|wrap|combin|bundl|both|match|zip|alongside|join",
    "what indexing gives (a tuple of one input row and its target row)":
        r"index|\w\[\d|tuple|rows?\b|(one|each|single|a) (sample|example)|element",
    "what it is for (a DataLoader cuts it into batches, or shuffles it)":
        r"data ?loader|batch|shuffl",
    "an example (in code, such as TensorDataset(inputs, targets) and train_ds[0], or in words)":
        r"tensordataset\s*\(|\w\[\d|for (example|instance)|e\.g\.|example",
}


@pytest.mark.written
def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
