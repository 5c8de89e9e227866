"""q34 · Shuffling the training data."""

import pytest
import torch
from torch.utils.data import DataLoader, TensorDataset

from katakit.checks import expect
from katakit.describe import value
from katakit.written import check_concepts, check_length


def _orders(kata, n, batch_size, epochs, seed, shuffle=True):
    """Hard precondition: a list of `epochs` lists of Python ints."""
    __tracebackhide__ = True
    orders = kata.epoch_orders(n, batch_size, epochs, seed, shuffle=shuffle)
    called = f"epoch_orders({n}, {batch_size}, {epochs}, seed={seed}, shuffle={shuffle})"
    assert isinstance(orders, list) and len(orders) == epochs, (
        f"{called} returned {value(orders)}; expected a list of {epochs} lists, one per epoch.")
    for order in orders:
        assert isinstance(order, list), f"{called} returned an epoch as {value(order)}; expected a list of ints."
        kinds = {type(i).__name__ for i in order}
        assert kinds <= {"int"}, (
            f"{called} returned an epoch holding {', '.join(sorted(kinds))}; expected plain Python ints. "
            "Turn each batch of indices into ints with `xb.tolist()`.")
    return orders


def _loader_orders(n, batch_size, epochs, seed, shuffle=True):
    """The oracle: one generator, seeded once, one loader, `epochs` passes."""
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, shuffle=shuffle,
                        generator=torch.Generator().manual_seed(seed))
    return [[i for (xb,) in loader for i in xb.tolist()] for _ in range(epochs)]


def test_each_epoch_holds_every_sample_exactly_once(kata, seed):
    orders = _orders(kata, 15, 4, 3, seed)
    for epoch, order in enumerate(orders):
        nudge = ("Did you drop the last, partial batch? Its samples belong to the epoch too."
                 if len(order) == 12 else "One epoch is one full pass over the loader.")
        expect(sorted(order) == list(range(15)),
               f"epoch_orders(15, 4, 3, seed={seed}): epoch {epoch} holds {len(order)} samples, {sorted(order)} "
               f"when sorted; expected each of the samples 0, 1, …, 14 exactly once. {nudge}")


def test_shuffled_epochs_come_in_different_orders(kata, seed):
    orders = _orders(kata, 15, 4, 3, seed)
    called = f"epoch_orders(15, 4, 3, seed={seed})"
    if orders[0] == list(range(15)):
        expect(False, f"{called} gave the samples in their original order 0, 1, …, 14 although shuffle=True. "
                      "Did you leave shuffling off? Pass it on: DataLoader(..., shuffle=shuffle).")
        return
    expect(not (orders[0] == orders[1] == orders[2]),
           f"{called} gave the same order {orders[0]} in all 3 epochs; expected a new order every epoch. "
           "Did you re-seed the generator (or make a new one) inside the epoch loop? Create and seed it once, "
           "before the first epoch, and let every epoch draw the next order from it.")


def test_without_shuffling_every_epoch_keeps_the_original_order(kata, seed):
    orders = _orders(kata, 15, 4, 3, seed, shuffle=False)
    complete = all(sorted(order) == list(range(15)) for order in orders)
    nudge = ("Did you ignore the shuffle argument? Pass it on: DataLoader(..., shuffle=shuffle)." if complete
             else "Some samples are missing: did you drop the last, partial batch?")
    expect(all(order == list(range(15)) for order in orders),
           f"epoch_orders(15, 4, 3, seed={seed}, shuffle=False) gave the orders {orders}; expected 0, 1, …, 14 "
           f"in every epoch. {nudge}")


def test_the_same_seed_gives_the_same_orders(kata, seed):
    first, again = _orders(kata, 15, 4, 3, seed), _orders(kata, 15, 4, 3, seed)
    expect(first == again,
           f"epoch_orders(15, 4, 3, seed={seed}) gave {first} the first time and {again} the second; the same "
           "seed must give the same orders. Did you pass the generator to the DataLoader? Without it, the "
           "order comes from PyTorch's global random state.")


def test_different_seeds_give_different_orders(kata, seed):
    first, other = _orders(kata, 15, 4, 3, seed), _orders(kata, 15, 4, 3, seed + 1)
    nudge = ("Did you leave shuffling off? Pass it on: DataLoader(..., shuffle=shuffle)."
             if first[0] == list(range(15)) else
             "Seed the generator with the seed you were given: torch.Generator().manual_seed(seed).")
    expect(first != other,
           f"epoch_orders(15, 4, 3, seed={seed}) and epoch_orders(15, 4, 3, seed={seed + 1}) gave the same "
           f"orders {first}. {nudge}")


def test_the_orders_match_a_loader_whose_generator_is_seeded_once(kata, seed):
    for n, batch_size, epochs in ((15, 5, 3), (7, 3, 2), (4, 8, 2)):
        got = _orders(kata, n, batch_size, epochs, seed)
        expected = _loader_orders(n, batch_size, epochs, seed)
        expect(got == expected,
               f"epoch_orders({n}, {batch_size}, {epochs}, seed={seed}) gave {got}; one DataLoader over "
               f"TensorDataset(torch.arange({n})) with one generator seeded {seed} gives {expected}. Create the "
               "generator once, seed it, pass it to the DataLoader, then loop over the loader once per epoch.")


RUBRIC = {
    "that the batches differ from one epoch to the next":
        r"differ|different|new (order|batch|mix|combination)|change|vary|varies|same (batch|order|group)",
    "that the model cannot pick up patterns from the order of the rows (no order bias)":
        r"pattern|bias|sorted|memori[sz]|(order|sequence|position) (of|in which)|(learn|pick|depend|rel).{0,40}order",
    "that the randomness helps the model generalise or escape a bad spot":
        r"generali[sz]|overfit|random|noise|escape|stuck|local|robust",
    "that each batch is a fair, representative mix of the data":
        r"representative|mix|fair|balanc|variety|whole (data|set)|all kinds|typical|unbiased",
}


@pytest.mark.written
def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
