"""q33 · Retrieving batches from a data loader."""

import torch
from torch.utils.data import DataLoader, TensorDataset

from katakit import data
from katakit.checks import expect
from katakit.describe import value


def _crop_loader(batch_size, generator=None):
    ds = TensorDataset(data.inputs(15), data.targets(15))
    return DataLoader(ds, batch_size, shuffle=generator is not None, generator=generator)


def _batches(kata, loader, called):
    """Hard precondition: a list of (xb, yb) pairs of tensors."""
    __tracebackhide__ = True
    batches = kata.collect_batches(loader)
    assert isinstance(batches, list), (
        f"{called} returned {value(batches)} ({type(batches).__name__}); expected a list with one (xb, yb) "
        "pair per batch. Start with `batches = []` and append to it inside the loop.")
    for i, batch in enumerate(batches):
        assert not isinstance(batch, torch.Tensor), (
            f"{called} returned a list whose item {i} is a single tensor of shape {tuple(batch.shape)}; expected "
            "an (xb, yb) pair. Did you keep only the inputs? Each batch unpacks into two tensors, "
            "`for xb, yb in loader:`, and the targets are needed for the loss.")
        assert isinstance(batch, (tuple, list)) and len(batch) == 2 and all(
            isinstance(t, torch.Tensor) for t in batch), (
            f"{called} returned a list whose item {i} is {value(batch)}; expected an (xb, yb) pair of tensors.")
    return batches


def _rows(batches, inputs):
    """The row numbers of `inputs` that the batches hold, in the order they come."""
    order = []
    for xb, _yb in batches:
        order += (xb[:, None, :] == inputs[None]).all(-1).int().argmax(1).tolist()
    return order


def _sizes(batches):
    return [len(xb) for xb, _yb in batches]


def test_collect_batches_gives_one_pair_per_batch(kata):
    called = "collect_batches(a loader of 15 rows in batches of 5)"
    batches = _batches(kata, _crop_loader(5), called)
    nudge = ("Did you take only the first batch? `next(iter(loader))` gives one batch; a for loop over the loader "
             "gives them all." if len(batches) == 1 else "One epoch is one for loop over the whole loader.")
    expect(len(batches) == 3, f"{called} returned {len(batches)} batch(es); expected 3, as len(loader) says. {nudge}")


def test_each_batch_holds_the_inputs_and_targets_of_its_rows(kata):
    inputs, targets = data.inputs(15), data.targets(15)
    called = "collect_batches(a loader of 15 rows in batches of 5, not shuffled)"
    batches = _batches(kata, _crop_loader(5), called)
    assert len(batches) >= 1, f"{called} returned an empty list; expected 3 batches."
    xb, yb = batches[0]
    swapped = tuple(xb.shape) == (5, 2) and tuple(yb.shape) == (5, 3)
    expect(not swapped, f"{called}: the first pair is (tensor of shape (5, 2), tensor of shape (5, 3)); expected "
                        "(xb (5, 3), yb (5, 2)). Did you swap them? Inputs come first, `for xb, yb in loader:`.")
    for i, (xb, yb) in enumerate(batches[:3]):
        rows = slice(5 * i, 5 * i + 5)
        expect(swapped or (torch.equal(xb, inputs[rows]) and torch.equal(yb, targets[rows])),
               f"{called}: batch {i} is not (inputs[{5 * i}:{5 * i + 5}], targets[{5 * i}:{5 * i + 5}]). "
               "Keep each batch exactly as the loader hands it out.")


def test_the_last_partial_batch_is_included(kata):
    called = "collect_batches(a loader of 15 rows in batches of 4)"
    sizes = _sizes(_batches(kata, _crop_loader(4), called))
    nudge = ("Did you skip the last, partial batch? Its 3 rows are part of the epoch too."
             if sizes == [4, 4, 4] else "15 rows in batches of 4 make three full batches and one of 3.")
    expect(sizes == [4, 4, 4, 3], f"{called} returned batches of {sizes} rows; expected [4, 4, 4, 3]. {nudge}")


def test_every_row_shows_up_exactly_once(kata, seed):
    called = "collect_batches(a shuffled loader of 15 rows in batches of 4)"
    batches = _batches(kata, _crop_loader(4, torch.Generator().manual_seed(seed)), called)
    order = _rows(batches, data.inputs(15))
    expect(sorted(order) == list(range(15)),
           f"{called} returned the rows {sorted(order)} (sorted); expected each of the 15 rows 0, 1, …, 14 exactly "
           "once. One epoch is one pass over the loader, no more and no less.")


def test_the_batches_come_in_the_loaders_order(kata, seed):
    called = "collect_batches(a shuffled loader of 15 rows in batches of 5)"
    batches = _batches(kata, _crop_loader(5, torch.Generator().manual_seed(seed)), called)
    expected = [(xb, yb) for xb, yb in _crop_loader(5, torch.Generator().manual_seed(seed))]
    inputs = data.inputs(15)
    got_order, expected_order = _rows(batches, inputs), _rows(expected, inputs)
    nudge = ("Did you iterate over the loader more than once? A shuffling loader draws a new order on every pass, "
             "so loop over it once and keep the batches as they come." if len(got_order) == 15 else
             f"That is {len(got_order)} of the 15 rows: loop over the whole loader once.")
    expect(got_order == expected_order,
           f"{called} returned the rows in the order {got_order}; the loader's first epoch gives {expected_order}. "
           + nudge)


def test_collect_batches_works_for_any_loader(kata, seed):
    inputs, targets = data.random_batch(seed, rows=7, cols=4), data.random_batch(seed + 1, rows=7, cols=1)
    loader = DataLoader(TensorDataset(inputs, targets), batch_size=3)
    called = "collect_batches(a loader of 7 rows (4 inputs, 1 target) in batches of 3)"
    batches = _batches(kata, loader, called)
    shapes = [(tuple(xb.shape), tuple(yb.shape)) for xb, yb in batches]
    expected = [((3, 4), (3, 1)), ((3, 4), (3, 1)), ((1, 4), (1, 1))]
    expect(shapes == expected, f"{called} returned batches of shapes {shapes}; expected {expected}. "
                               "Do not assume the crop data or a batch size: take whatever the loader gives.")
    expect(shapes != expected or all(torch.equal(xb, inputs[3 * i:3 * i + 3]) and torch.equal(yb, targets[3 * i:3 * i + 3])
                                     for i, (xb, yb) in enumerate(batches)),
           f"{called}: the batches do not hold the loader's rows in order. Keep each batch as the loader hands it out.")
