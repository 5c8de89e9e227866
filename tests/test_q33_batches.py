"""q33 · Retrieving batches from a data loader."""

import torch
from torch.utils.data import DataLoader, TensorDataset

from katakit import data
from katakit.checks import expect, require, says
from katakit.describe import value


def _crop_loader(batch_size, generator=None):
    ds = TensorDataset(data.inputs(15), data.targets(15))
    return DataLoader(ds, batch_size, shuffle=generator is not None, generator=generator)


def _pair(batch) -> bool:
    return isinstance(batch, (tuple, list)) and len(batch) == 2 and all(isinstance(t, torch.Tensor) for t in batch)


def _batches(kata, loader, called):
    """Hard precondition: a list of (xb, yb) pairs of tensors, one per batch of the loader."""
    __tracebackhide__ = True
    batches = kata.collect_batches(loader)
    require(isinstance(batches, list),
            f"{called} returned {value(batches)} ({type(batches).__name__}); expected a list with one (xb, yb) "
            "pair per batch. Start with `batches = []` and add to it as the batches come.",
            cause="collect_batches: type")
    for i, batch in enumerate(batches):
        if isinstance(batch, torch.Tensor):
            require(False, f"{called} returned a list whose item {i} is a single tensor of shape {tuple(batch.shape)}; "
                           "expected an (xb, yb) pair. Did you keep only the inputs? Each batch holds the inputs and "
                           "the targets of its rows, and the loss needs both.", cause="inputs only")
        require(_pair(batch), f"{called} returned a list whose item {i} is {value(batch)}; expected an (xb, yb) pair "
                              "of tensors.", cause="collect_batches: items")
    expected, sizes = len(loader), _sizes(batches)
    if len(batches) == 1 and expected > 1:
        require(False, f"{called} returned 1 batch; expected {expected}, as len(loader) says. Did you take only the "
                       "first batch? One epoch is every batch the loader hands out.", cause="only the first batch")
    if len(batches) == expected - 1 and all(n == loader.batch_size for n in sizes):
        require(False, f"{called} returned batches of {sizes} rows; expected {expected} batches, as len(loader) says. "
                       "Did you skip the last, partial batch? Its rows are part of the epoch too.",
                cause="skips the partial batch")
    require(len(batches) == expected,
            f"{called} returned {len(batches)} batches; expected {expected}, as len(loader) says: one epoch is one "
            "pass over the loader, no more and no less.", cause="batch count")
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
    _batches(kata, _crop_loader(5), "collect_batches(a loader of 15 rows in batches of 5)")


def test_each_batch_holds_the_inputs_and_targets_of_its_rows(kata):
    inputs, targets = data.inputs(15), data.targets(15)
    called = "collect_batches(a loader of 15 rows in batches of 5, not shuffled)"
    batches = _batches(kata, _crop_loader(5), called)
    xb, yb = batches[0]
    if tuple(xb.shape) == (5, 2) and tuple(yb.shape) == (5, 3):
        expect(False, f"{called}: the first pair is (tensor of shape (5, 2), tensor of shape (5, 3)); expected "
                      "(xb (5, 3), yb (5, 2)). Did you swap them? The inputs come first, as the loader gives them.",
               cause="swapped")
        return
    wrong = [i for i, (xb, yb) in enumerate(batches)
             if not (torch.equal(xb, inputs[5 * i:5 * i + 5]) and torch.equal(yb, targets[5 * i:5 * i + 5]))]
    expect(not wrong, f"{called}: batch {wrong[0] if wrong else 0} is not (inputs[{5 * (wrong or [0])[0]}:"
                      f"{5 * (wrong or [0])[0] + 5}], targets[{5 * (wrong or [0])[0]}:{5 * (wrong or [0])[0] + 5}]). "
                      "Keep each batch exactly as the loader hands it out.", cause="batch contents")


def test_the_last_partial_batch_is_included(kata):
    called = "collect_batches(a loader of 15 rows in batches of 4)"
    sizes = _sizes(_batches(kata, _crop_loader(4), called))
    expect(sizes == [4, 4, 4, 3], f"{called} returned batches of {sizes} rows; expected [4, 4, 4, 3]: three full "
                                  "batches and one of 3.", cause="batch sizes")


def test_every_row_shows_up_exactly_once(kata, seed):
    called = "collect_batches(a shuffled loader of 15 rows in batches of 4)"
    batches = _batches(kata, _crop_loader(4, torch.Generator().manual_seed(seed)), called)
    order = _rows(batches, data.inputs(15))
    expect(sorted(order) == list(range(15)),
           f"{called} returned the rows {sorted(order)} (sorted); expected each of the 15 rows 0, 1, …, 14 exactly "
           "once. One epoch is one pass over the loader, no more and no less.", cause="rows")


@says("the batches come in the loader's order")
def test_the_batches_come_in_the_loaders_order(kata, seed):
    called = "collect_batches(a shuffled loader of 15 rows in batches of 5)"
    batches = _batches(kata, _crop_loader(5, torch.Generator().manual_seed(seed)), called)
    expected = list(_crop_loader(5, torch.Generator().manual_seed(seed)))
    inputs = data.inputs(15)
    got_order, expected_order = _rows(batches, inputs), _rows(expected, inputs)
    expect(got_order == expected_order,
           f"{called} returned the rows in the order {got_order}; the loader's first epoch gives {expected_order}. "
           "Did you iterate over the loader more than once? A shuffling loader draws a new order on every pass, so "
           "go through it once and keep the batches as they come.", cause="order")


def test_collect_batches_works_for_any_loader(kata, seed):
    inputs, targets = data.random_batch(seed, rows=7, cols=4), data.random_batch(seed + 1, rows=7, cols=1)
    loader = DataLoader(TensorDataset(inputs, targets), batch_size=3)
    called = "collect_batches(a loader of 7 rows (4 inputs, 1 target) in batches of 3)"
    batches = _batches(kata, loader, called)
    shapes = [(tuple(xb.shape), tuple(yb.shape)) for xb, yb in batches]
    expected = [((3, 4), (3, 1)), ((3, 4), (3, 1)), ((1, 4), (1, 1))]
    same = shapes == expected and all(torch.equal(xb, inputs[3 * i:3 * i + 3]) and torch.equal(yb, targets[3 * i:3 * i + 3])
                                      for i, (xb, yb) in enumerate(batches))
    expect(same, f"{called} returned batches of shapes {shapes}; expected {expected}, the loader's rows in order. "
                 "Do not assume the crop data or a batch size: take whatever the loader gives.", cause="any loader")


# first_batch: looking at one batch before training


def _first(kata, loader, called):
    """Hard precondition: an (xb, yb) pair of tensors."""
    __tracebackhide__ = True
    batch = kata.first_batch(loader)
    require(not isinstance(batch, torch.Tensor),
            f"{called} returned a single tensor of shape {tuple(getattr(batch, 'shape', ()))}; expected the pair "
            "(xb, yb). The batch holds the inputs and the targets of its rows: keep both.",
            cause="first_batch: one tensor")
    require(_pair(batch), f"{called} returned {value(batch)}; expected the pair (xb, yb) of the first batch alone.",
            cause="first_batch: type")
    return batch


def _expect_first(xb, yb, make_loader, called):
    """(xb, yb) is the first batch of a new pass over the loader that make_loader() builds (a fresh copy, with the
    same seed, tells what the kata's loader hands out); the last batch and the first of a second pass are named."""
    oracle = make_loader()
    first_pass, second = list(oracle), next(iter(oracle))

    def same(batch):
        return tuple(xb.shape) == tuple(batch[0].shape) and torch.equal(xb, batch[0]) and torch.equal(yb, batch[1])

    if same(first_pass[0]):
        return
    if tuple(xb.shape) == tuple(first_pass[0][0].shape) and torch.equal(xb, first_pass[0][0]):
        expect(False, f"{called}: xb is the first batch's inputs, but yb is not its targets. A new pass over the loader "
                      "(each iter(loader)) draws a new order; take both tensors from one batch.",
               cause="first_batch: two passes")
    elif same(first_pass[-1]):
        expect(False, f"{called} returned the loader's last batch of the epoch (xb of shape {tuple(xb.shape)}), not "
                      "its first: the loop ran through the whole loader. Stop after the first batch.",
               cause="first_batch: the last batch")
    elif same(second):
        expect(False, f"{called} returned the first batch of a second pass over the loader, not of the first: did you "
                      "go through the loader once before? A shuffling loader draws a new order on every pass.",
               cause="first_batch: second pass")
    else:
        expect(False, f"{called} returned (xb of shape {tuple(xb.shape)}, yb of shape {tuple(yb.shape)}), which is not "
                      "the batch the loader hands out first. Keep it exactly as the loader gives it.",
               cause="first_batch: values")


@says("the first_batch is the loader's first inputs and targets")
def test_the_first_batch_is_the_loaders_first_inputs_and_targets(kata):
    called = "first_batch(a loader of 15 rows in batches of 5, not shuffled)"
    xb, yb = _first(kata, _crop_loader(5), called)
    _expect_first(xb, yb, lambda: _crop_loader(5), called)


def test_the_inputs_and_targets_come_from_the_same_batch(kata, seed):
    inputs, targets = data.inputs(15), data.targets(15)
    called = "first_batch(a shuffled loader of 15 rows in batches of 5)"
    xb, yb = _first(kata, _crop_loader(5, torch.Generator().manual_seed(seed)), called)
    rows = _rows([(xb, yb)], inputs)
    expect(torch.equal(yb, targets[rows]),
           f"{called}: xb and yb are not from the same batch: xb holds the inputs of rows {rows}, but yb does not "
           "hold their targets. A new pass over the loader (each iter(loader)) draws a new order; take both "
           "tensors from one batch.", cause="first_batch: two passes")


@says("a shuffled loader's first_batch is the first of a new pass")
def test_a_shuffled_loaders_first_batch_is_the_first_of_a_new_pass(kata, seed):
    called = "first_batch(a shuffled loader of 15 rows in batches of 5)"
    xb, yb = _first(kata, _crop_loader(5, torch.Generator().manual_seed(seed)), called)
    _expect_first(xb, yb, lambda: _crop_loader(5, torch.Generator().manual_seed(seed)), called)


def test_first_batch_works_for_any_loader(kata, seed):
    inputs, targets = data.random_batch(seed, rows=7, cols=4), data.random_batch(seed + 1, rows=7, cols=1)
    called = "first_batch(a loader of 7 rows (4 inputs, 1 target) in batches of 3)"
    xb, yb = _first(kata, DataLoader(TensorDataset(inputs, targets), batch_size=3), called)
    _expect_first(xb, yb, lambda: DataLoader(TensorDataset(inputs, targets), batch_size=3), called)
