"""q35 · Training in small batches."""

import random

from torch.utils.data import DataLoader

from katakit import written
from katakit.checks import expect, require
from katakit.describe import value


def _count(kata, n, batch_size, drop_last=None):
    """Hard precondition: a plain Python int."""
    __tracebackhide__ = True
    if drop_last is None:
        count, called = kata.updates_per_epoch(n, batch_size), f"updates_per_epoch({n}, {batch_size})"
    else:
        count = kata.updates_per_epoch(n, batch_size, drop_last=drop_last)
        called = f"updates_per_epoch({n}, {batch_size}, drop_last={drop_last})"
    require(type(count) is int,
            f"{called} returned {value(count)} ({type(count).__name__}); expected a Python int: an epoch makes a "
            "whole number of updates. `/` always gives a float: which operator, or which function of the math "
            "module, gives a whole number?", cause="not an int")
    return count, called


def _expect_count(count, called, n, batch_size, drop_last, expected, nudge):
    """The count is `expected`; when it is not, the message names the mistake that this wrong count shows."""
    if count == expected:
        return
    full, left = divmod(n, batch_size)
    if left and not drop_last and count == full:
        cause = "rounds down"
        nudge = (f"Did you round down? The {left} rows left over after the full batches still make one more, "
                 "smaller batch, and so one more update.")
    elif not left and count == full + 1:
        cause = "adds one"
        nudge = (f"Did you add one for a partial batch that is not there? {n} rows split evenly into batches of "
                 f"{batch_size}.")
    elif left and drop_last and count == full + 1:
        cause = "ignores drop_last"
        nudge = ("Did you ignore drop_last? With drop_last=True the last, partial batch is thrown away, so it makes "
                 "no update.")
    else:
        cause = "wrong count"
    expect(False, f"{called} returned {count}; expected {expected}. {nudge}", cause=cause)


def test_the_lessons_fifteen_rows_in_batches_of_five(kata):
    count, called = _count(kata, 15, 5)
    _expect_count(count, called, 15, 5, False, 3, "Each batch of 5 rows makes one update.")


def test_a_partial_last_batch_makes_one_more_update(kata):
    count, called = _count(kata, 15, 4)
    _expect_count(count, called, 15, 4, False, 4, "How many full batches of 4 fit into 15 rows, and what is left?")


def test_an_even_split_makes_no_extra_update(kata):
    for n, batch_size, expected in ((16, 4, 4), (10, 5, 2), (7, 1, 7)):
        count, called = _count(kata, n, batch_size)
        _expect_count(count, called, n, batch_size, False, expected,
                      f"{n} rows split evenly into batches of {batch_size}.")


def test_a_batch_larger_than_the_dataset(kata):
    count, called = _count(kata, 15, 20)
    _expect_count(count, called, 15, 20, False, 1, "All 15 rows fit into one (partial) batch.")
    count, called = _count(kata, 15, 20, drop_last=True)
    _expect_count(count, called, 15, 20, True, 0, "The only batch is partial, and drop_last=True throws it away.")


def test_drop_last_throws_the_partial_batch_away(kata):
    for n, batch_size, expected in ((15, 4, 3), (16, 4, 4), (15, 5, 3)):
        count, called = _count(kata, n, batch_size, drop_last=True)
        _expect_count(count, called, n, batch_size, True, expected, "With drop_last=True only full batches count.")


def test_the_count_matches_len_of_a_data_loader(kata, seed):
    rng = random.Random(seed)
    for _ in range(12):
        n, batch_size = rng.randint(1, 60), rng.randint(1, 70)
        for drop_last in (False, True):
            expected = len(DataLoader(range(n), batch_size=batch_size, drop_last=drop_last))
            count, called = _count(kata, n, batch_size, drop_last=drop_last)
            _expect_count(count, called, n, batch_size, drop_last, expected,
                          f"len(DataLoader(range({n}), {batch_size}, drop_last={drop_last})) is {expected}. How many "
                          "full batches fit, and do the rows left over make one more?")


# The written half: katas/q35_batch_count.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.false("An epoch makes the same number of updates whatever the batch size.",
                      "how many updates an epoch makes"),
        written.false("An epoch in small batches does much less computation than a full-batch epoch, because each "
                      "batch is small.", "the work an epoch does"),
        written.true("The memory a step needs grows with the size of its batch, not with the size of the dataset, so "
                     "data too big to process at once can still be trained on.", "the memory a step needs"),
        written.true("The gradient of a batch is only an estimate of the gradient over the whole dataset.",
                     "what a batch's gradient is"),
        written.false("Each batch gives exactly the gradient of the whole dataset, only computed faster.",
                      "what a batch's gradient is"),
        written.true("Training in small batches makes several updates per epoch: an update per batch.",
                     "how many updates an epoch makes"),
        written.true("The noise of the batch gradients makes the steps a little random, and that randomness can help "
                     "the optimisation.", "what the noise of small batches does"),
        written.true("An epoch in small batches still passes every row through the model, so it does about as much "
                     "computation as a full-batch epoch; what it gains is more updates for that work.",
                     "the work an epoch does"),
        written.false("By default, a DataLoader drops the rows that do not fill a whole batch.",
                      "the last, smaller batch"),
    ),
    blanks=(
        written.Blank("15 rows in batches of 5: how many updates does one epoch make?",
                      accept=("3", "three", "3 updates", "three updates"), reject=("5", "15", "1"),
                      form="one number", about="the updates per epoch with batches of 5"),
        written.Blank("The entire dataset as one batch: how many updates does one epoch make?",
                      accept=("1", "one", "1 update", "one update", "a single update", "just one"),
                      reject=("15", "0", "3", "5"), form="one number",
                      about="the updates per epoch with the entire dataset"),
    ),
    snippets=(
        written.Snippet("from torch.utils.data import DataLoader, TensorDataset\n"
                        "ds = TensorDataset(torch.zeros(16, 3), torch.zeros(16, 2))\ndl = DataLoader(ds, 5)\n"
                        "print([len(xb) for xb, yb in dl])", about="16 rows in batches of 5",
                        nudge="How many full batches of 5 fit into 16 rows, and where does the row left over go?"),
    ),
    ideas=(
        "each batch gives one update, so an epoch makes many updates instead of one, for about the same work",
        "a step needs memory only for one batch, not for the entire dataset",
        "a batch's gradient is a noisy estimate of the full one, and that randomness can help the optimisation",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
