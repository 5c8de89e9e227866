"""q32 · DataLoader."""

import pytest
import torch
from torch.utils.data import DataLoader, TensorDataset

from katakit import data
from katakit.checks import expect
from katakit.describe import value
from katakit.written import check_concepts, check_length

IN_ORDER = list(range(15))


def _crop_dataset():
    return TensorDataset(data.inputs(15), data.targets(15))


def _loader(kata, batch_size, shuffle, generator=None):
    """Hard precondition: the kata returns a DataLoader over the 15-row crop data."""
    __tracebackhide__ = True
    if generator is None:
        loader = kata.make_loader(_crop_dataset(), batch_size, shuffle=shuffle)
    else:
        loader = kata.make_loader(_crop_dataset(), batch_size, shuffle=shuffle, generator=generator)
    assert isinstance(loader, DataLoader), (
        f"make_loader(dataset, {batch_size}, shuffle={shuffle}) returned {value(loader)} "
        f"({type(loader).__name__}); expected a DataLoader. Build one with torch.utils.data.DataLoader.")
    return loader


def _epoch(loader):
    """One pass over the loader: the batch sizes, and the crop rows (0–14) in the order they came."""
    inputs = data.inputs(15)
    sizes, order = [], []
    for xb, _yb in loader:
        sizes.append(len(xb))
        order += (xb[:, None, :] == inputs[None]).all(-1).int().argmax(1).tolist()
    return sizes, order


def _seeded(seed):
    return torch.Generator().manual_seed(seed)


def test_make_loader_returns_a_data_loader(kata):
    _loader(kata, 5, shuffle=False)


def test_fifteen_rows_in_batches_of_five_come_as_three_batches_of_inputs_and_targets(kata):
    loader = _loader(kata, 5, shuffle=False)
    batch = next(iter(loader))
    assert len(batch) == 2 and tuple(batch[0].shape) == (5, 3) and tuple(batch[1].shape) == (5, 2), (
        f"the first batch of make_loader(dataset, 5, shuffle=False) is {value(batch)}; expected [xb (5, 3), "
        "yb (5, 2)]: 5 input rows and their 5 target rows. Did you pass the dataset and batch_size on as they are?")
    sizes, _ = _epoch(loader)
    expect(sizes == [5, 5, 5], f"make_loader(dataset, 5, shuffle=False) gave batches of {sizes} rows; expected "
                               "[5, 5, 5] for 15 rows in batches of 5.")


def test_the_last_partial_batch_is_kept(kata):
    sizes, _ = _epoch(_loader(kata, 4, shuffle=False))
    expect(sizes == [4, 4, 4, 3],
           f"make_loader(dataset, 4, shuffle=False) gave batches of {sizes} rows; expected [4, 4, 4, 3]. "
           + ("Did you drop the last, partial batch (drop_last=True)? The 3 rows left over are training data too."
              if sizes == [4, 4, 4] else "15 rows in batches of 4 make three full batches and one of 3."))


def test_shuffle_false_keeps_the_rows_in_their_order(kata, seed):
    _, order = _epoch(_loader(kata, 5, shuffle=False, generator=_seeded(seed)))
    expect(order == IN_ORDER,
           f"make_loader(dataset, 5, shuffle=False, generator) gave the rows in the order {order}; expected "
           "0, 1, …, 14 as they are in the dataset. Did you always shuffle? Pass the argument on: shuffle=shuffle.")


def test_shuffle_true_gives_a_new_random_order_every_epoch(kata, seed):
    loader = _loader(kata, 5, shuffle=True, generator=_seeded(seed))
    (_, first), (_, second) = _epoch(loader), _epoch(loader)
    assert sorted(first) == IN_ORDER and sorted(second) == IN_ORDER, (
        f"an epoch of make_loader(dataset, 5, shuffle=True, generator) gave the rows {first}; expected each "
        "of the 15 rows exactly once.")
    expect(first != IN_ORDER,
           "make_loader(dataset, 5, shuffle=True, generator) gave the rows in their original order 0, 1, …, 14. "
           "Did you ignore shuffle? Pass it on to the DataLoader: shuffle=shuffle.")
    expect(first == IN_ORDER or first != second,
           f"make_loader(dataset, 5, shuffle=True, generator) gave the same order {first} in two epochs; a "
           "shuffling loader draws a new order each time you iterate over it.")


def test_the_same_seed_gives_the_same_order(kata, seed):
    _, first = _epoch(_loader(kata, 5, shuffle=True, generator=_seeded(seed)))
    _, again = _epoch(_loader(kata, 5, shuffle=True, generator=_seeded(seed)))
    expect(first == again,
           f"two loaders from make_loader(dataset, 5, shuffle=True, generator) with generators seeded {seed} "
           f"gave the orders {first} and {again}; the same seed must give the same order. Did you ignore the "
           "generator? Pass it on: DataLoader(..., generator=generator).")


def test_the_order_is_the_one_the_generator_draws(kata, seed):
    loader = _loader(kata, 5, shuffle=True, generator=_seeded(seed))
    oracle = DataLoader(_crop_dataset(), 5, shuffle=True, generator=_seeded(seed))
    got = [_epoch(loader)[1] for _ in range(2)]
    expected = [_epoch(oracle)[1] for _ in range(2)]
    expect(got == expected,
           f"two epochs of make_loader(dataset, 5, shuffle=True, generator seeded {seed}) gave the orders {got}; "
           f"DataLoader(dataset, 5, shuffle=True, generator=generator) gives {expected}. "
           + ("Did you ignore shuffle? Pass it on: shuffle=shuffle." if got[0] == IN_ORDER else
              "Did you ignore the generator? Pass it on: DataLoader(..., generator=generator)."))


RUBRIC = {
    "that it splits the data into batches of a chosen size":
        r"batch",
    "that it can shuffle the rows (a new random order every epoch)":
        r"shuffl|random",
    "how you use it (loop over it with for, getting inputs and targets batch by batch)":
        r"\bfor\b|loop|iterat|one (batch )?at a time|each (batch|step|iteration)|xb|yb",
    "an example (in code, such as DataLoader(train_ds, batch_size=5, shuffle=True), or in words)":
        r"dataloader\s*\(|for (example|instance)|e\.g\.|example",
}


@pytest.mark.written
def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
