"""q35 · Training in small batches."""

import random

import pytest
from torch.utils.data import DataLoader

from katakit.checks import expect
from katakit.describe import value
from katakit.written import check_concepts, check_length


def _count(kata, n, batch_size, drop_last=None):
    """Hard precondition: a plain Python int."""
    __tracebackhide__ = True
    if drop_last is None:
        count, called = kata.updates_per_epoch(n, batch_size), f"updates_per_epoch({n}, {batch_size})"
    else:
        count = kata.updates_per_epoch(n, batch_size, drop_last=drop_last)
        called = f"updates_per_epoch({n}, {batch_size}, drop_last={drop_last})"
    assert type(count) is int, (
        f"{called} returned {value(count)} ({type(count).__name__}); expected a Python int: an epoch makes a "
        "whole number of updates. `n / b` gives a float; `n // b` and math.ceil(n / b) give ints.")
    return count, called


def test_fifteen_rows_in_batches_of_five_make_three_updates(kata):
    count, called = _count(kata, 15, 5)
    expect(count == 3, f"{called} returned {count}; expected 3: 15 rows in batches of 5 make 3 batches, and each "
                       "batch makes one update.")


def test_a_partial_last_batch_makes_one_more_update(kata):
    count, called = _count(kata, 15, 4)
    nudge = ("Did you round down? The 3 rows left over after three full batches still make a fourth, smaller "
             "batch, and so one more update." if count == 3 else "15 rows in batches of 4: 4 + 4 + 4 + 3.")
    expect(count == 4, f"{called} returned {count}; expected 4. {nudge}")


def test_an_even_split_makes_no_extra_update(kata):
    for n, batch_size, expected in ((16, 4, 4), (10, 5, 2), (7, 1, 7)):
        count, called = _count(kata, n, batch_size)
        nudge = (f"Did you add one for a partial batch that is not there? {n} rows split evenly into batches of "
                 f"{batch_size}." if count == expected + 1 else f"{n} / {batch_size} = {expected} full batches.")
        expect(count == expected, f"{called} returned {count}; expected {expected}. {nudge}")


def test_a_batch_larger_than_the_dataset_makes_one_update(kata):
    count, called = _count(kata, 15, 20)
    expect(count == 1, f"{called} returned {count}; expected 1: all 15 rows fit into one (partial) batch. "
                       + ("Did you round down?" if count == 0 else ""))
    count, called = _count(kata, 15, 20, drop_last=True)
    expect(count == 0, f"{called} returned {count}; expected 0: the only batch is partial, and drop_last=True "
                       "throws it away." + (" Did you ignore drop_last?" if count == 1 else ""))


def test_drop_last_throws_the_partial_batch_away(kata):
    for n, batch_size, expected in ((15, 4, 3), (16, 4, 4), (15, 5, 3)):
        count, called = _count(kata, n, batch_size, drop_last=True)
        expect(count == expected,
               f"{called} returned {count}; expected {expected}. With drop_last=True only full batches count."
               + (" Did you ignore drop_last?" if count == expected + 1 else ""))


def test_the_count_matches_len_of_a_data_loader(kata, seed):
    rng = random.Random(seed)
    wrong = []
    for _ in range(12):
        n, batch_size = rng.randint(1, 60), rng.randint(1, 70)
        for drop_last in (False, True):
            expected = len(DataLoader(range(n), batch_size=batch_size, drop_last=drop_last))
            count, called = _count(kata, n, batch_size, drop_last=drop_last)
            if count != expected:
                wrong.append(f"{called} returned {count}, len(DataLoader) is {expected}")
    expect(not wrong, "updates_per_epoch disagrees with len(DataLoader(dataset, batch_size, drop_last=...)): "
                      + "; ".join(wrong[:4]) + ". One batch per full batch_size rows, plus one for any rows "
                      "left over unless drop_last.")


RUBRIC = {
    "that a small batch needs little memory, even when the whole dataset would not fit":
        r"memory|\bram\b|\bfits?\b|too (big|large)|gpu|huge|millions|billions",
    "that you get more (and sooner) parameter updates per epoch":
        r"(more|several|many|frequent|multiple|extra) (parameter |weight )?(updates?|steps?)|more often"
        r"|faster|quicker|sooner|speed|progress",
    "that the noise of small batches can help (escape bad spots, generalise better)":
        r"nois|random|escape|stuck|local minim|generali[sz]|regulari[sz]|overfit",
}


@pytest.mark.written
def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
