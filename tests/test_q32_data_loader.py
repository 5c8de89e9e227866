"""q32 · DataLoader."""

import torch
from torch.utils.data import DataLoader, TensorDataset

from katakit import data, written
from katakit.checks import expect
from katakit.describe import value

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


def test_fifteen_rows_in_batches_of_five_come_as_batches_of_inputs_and_targets(kata):
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
              if sizes == [4, 4, 4] else "15 rows in batches of 4 make three full batches and one of 3."),
           cause="batch sizes")


def test_shuffle_false_keeps_the_rows_in_their_order(kata, seed):
    _, order = _epoch(_loader(kata, 5, shuffle=False, generator=_seeded(seed)))
    expect(order == IN_ORDER,
           f"make_loader(dataset, 5, shuffle=False, generator) gave the rows in the order {order}; expected "
           "0, 1, …, 14 as they are in the dataset. Did you always shuffle? Pass your shuffle argument on to the "
           "DataLoader.", cause="always shuffles")


def test_shuffle_true_gives_a_new_random_order_every_epoch(kata, seed):
    loader = _loader(kata, 5, shuffle=True, generator=_seeded(seed))
    (_, first), (_, second) = _epoch(loader), _epoch(loader)
    assert sorted(first) == IN_ORDER and sorted(second) == IN_ORDER, (
        f"an epoch of make_loader(dataset, 5, shuffle=True, generator) gave the rows {first}; expected each "
        "of the 15 rows exactly once.")
    expect(first != IN_ORDER,
           "make_loader(dataset, 5, shuffle=True, generator) gave the rows in their original order 0, 1, …, 14. "
           "Did you ignore shuffle? Pass your shuffle argument on to the DataLoader.", cause="ignores shuffle")
    expect(first == IN_ORDER or first != second,
           f"make_loader(dataset, 5, shuffle=True, generator) gave the same order {first} in two epochs; a "
           "shuffling loader draws a new order each time you iterate over it.", cause="the same order every epoch")


def test_the_same_seed_gives_the_same_order(kata, seed):
    _, first = _epoch(_loader(kata, 5, shuffle=True, generator=_seeded(seed)))
    _, again = _epoch(_loader(kata, 5, shuffle=True, generator=_seeded(seed)))
    expect(first == again,
           f"two loaders from make_loader(dataset, 5, shuffle=True, generator) with generators seeded {seed} "
           f"gave the orders {first} and {again}; the same seed must give the same order. Did you ignore the "
           "generator? Pass it on to the DataLoader.", cause="ignores the generator")


def test_the_order_is_the_one_the_generator_draws(kata, seed):
    loader = _loader(kata, 5, shuffle=True, generator=_seeded(seed))
    oracle = DataLoader(_crop_dataset(), 5, shuffle=True, generator=_seeded(seed))
    got = [_epoch(loader)[1] for _ in range(2)]
    expected = [_epoch(oracle)[1] for _ in range(2)]
    expect(got == expected,
           f"two epochs of make_loader(dataset, 5, shuffle=True, generator seeded {seed}) gave the orders {got}; "
           f"a shuffling DataLoader with that generator gives {expected}. "
           + ("Did you ignore shuffle? Pass your shuffle argument on to the DataLoader." if got[0] == IN_ORDER else
              "Did you ignore the generator? Pass it on to the DataLoader."),
           cause="ignores shuffle" if got[0] == IN_ORDER else "ignores the generator")


# The written half: katas/q32_data_loader.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("Looping over a DataLoader gives one batch at a time: a batch of input rows and the matching "
                     "batch of target rows.", "what a DataLoader hands out"),
        written.false("Creating a DataLoader cuts the dataset into batches once, up front, and stores them; looping "
                      "over it replays those stored batches.", "how the batches are made"),
        written.false("With `shuffle=True`, the rows are shuffled once, when the DataLoader is created, and every "
                      "epoch reuses that order.", "when the rows are shuffled"),
        written.false("Looping over a DataLoader gives one row at a time, whatever the batch size.",
                      "what a DataLoader hands out"),
        written.true("`batch_size=5` sets the number of rows per batch (the last batch may hold fewer), not the "
                     "number of batches.", "what batch_size means"),
        written.true("With `shuffle=True`, the DataLoader draws a new order of the rows for every epoch.",
                     "when the rows are shuffled"),
        written.false("`DataLoader(ds, batch_size=5)` splits a dataset of 15 rows into 5 batches.",
                      "what batch_size means"),
        written.true("A DataLoader builds the batches from the dataset's rows while the loop runs; it stores no "
                     "batches up front and leaves the dataset unchanged.", "how the batches are made"),
    ),
    blanks=(
        written.Blank("`DataLoader(ds, batch_size=5)` over a dataset of 15 rows: how many batches does one pass give?",
                      accept=("3", "three", "3 batches", "three batches"), reject=("5", "15", "75", "1"),
                      form="one number", about="the number of batches in one pass"),
    ),
    snippets=(
        written.Snippet("from torch.utils.data import DataLoader, TensorDataset\n"
                        "ds = TensorDataset(torch.zeros(15, 3), torch.zeros(15, 2))\n"
                        "dl = DataLoader(ds, batch_size=5, shuffle=True)\nxb, yb = next(iter(dl))\n"
                        "print(tuple(xb.shape), tuple(yb.shape))", about="the shapes of one batch",
                        nudge="How many rows does a batch hold, and how many columns do the inputs and the targets "
                              "have?"),
        written.Snippet("from torch.utils.data import DataLoader, TensorDataset\n"
                        "ds = TensorDataset(torch.zeros(15, 3), torch.zeros(15, 2))\n"
                        "batches = list(DataLoader(ds, batch_size=4))\nxb, yb = batches[-1]\n"
                        "print(tuple(xb.shape), tuple(yb.shape))",
                        about="the last batch when the rows do not divide evenly",
                        nudge="Three batches of 4 take 12 rows. What happens to the rest?"),
    ),
    ideas=(
        "it splits a dataset into batches of a chosen size; a for loop gets one batch (inputs, targets) at a time",
        "it builds the batches as the loop asks for them; with shuffle=True it draws a new random order every epoch",
        "an example, such as DataLoader(train_ds, batch_size=5, shuffle=True) and `for xb, yb in train_dl:`",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
