"""q34 · Shuffling the training data."""

import torch
from torch.utils.data import DataLoader, TensorDataset

from katakit import written
from katakit.checks import expect, note, require
from katakit.describe import value

N, BATCH, EPOCHS = 15, 4, 3  # the canonical call: 15 samples in batches of 4 (a partial last batch), 3 epochs


def _call(n, batch_size, epochs, seed, shuffle=True):
    return f"epoch_orders({n}, {batch_size}, {epochs}, seed={seed}" + (", shuffle=False)" if not shuffle else ")")


def _orders(kata, n, batch_size, epochs, seed, shuffle=True):
    """Hard preconditions: a list of `epochs` lists of Python ints, each epoch every sample exactly once."""
    __tracebackhide__ = True
    orders = kata.epoch_orders(n, batch_size, epochs, seed, shuffle=shuffle)
    called = _call(n, batch_size, epochs, seed, shuffle)
    require(isinstance(orders, list) and len(orders) == epochs and all(isinstance(o, list) for o in orders),
            f"{called} returned {value(orders)}; expected a list of {epochs} lists, one per epoch.",
            cause="not a list per epoch")
    for order in orders:
        kinds = {type(i).__name__ for i in order}
        require(kinds <= {"int"},
                f"{called} returned an epoch holding {', '.join(sorted(kinds))}; expected plain Python ints "
                "(a tensor's .tolist() gives them).", cause="not ints")
    for epoch, order in enumerate(orders):
        if sorted(order) != list(range(n)):
            full = n - n % batch_size
            dropped = n % batch_size and len(order) == len(set(order)) == full
            nudge = ("Did you drop the last, partial batch? Its samples belong to the epoch too." if dropped
                     else "One epoch is one whole pass over the loader.")
            require(False, f"{called}: epoch {epoch} holds {len(order)} samples, {sorted(order)} when sorted; expected "
                           f"each of the samples 0, 1, …, {n - 1} exactly once. {nudge}", cause="epoch incomplete")
    return orders, called


def _loader_orders(n, batch_size, epochs, seed, shuffle=True, own_generator=True):
    """The oracle: one DataLoader, its shuffling seeded once (its own generator, or torch.manual_seed), `epochs`
    passes. PyTorch's global random state is left as it was."""
    with torch.random.fork_rng(devices=[]):
        if own_generator:
            generator = torch.Generator().manual_seed(seed)
        else:
            torch.manual_seed(seed)
            generator = None
        loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, shuffle=shuffle, generator=generator)
        return [[i for (xb,) in loader for i in xb.tolist()] for _ in range(epochs)]


def _diagnosis(kata, seed):
    """What the canonical shuffled call shows about the shuffling, as (message, cause), or None when it shows
    nothing wrong. Every check that fails for one of these reasons shows this one message."""
    orders, called = _orders(kata, N, BATCH, EPOCHS, seed)
    if all(order == list(range(N)) for order in orders):
        return (f"{called} gave the samples in their original order 0, 1, …, {N - 1} in every epoch although "
                "shuffle=True. Did you leave shuffling off? Does the DataLoader get the shuffle argument you were "
                "given?", "not shuffled")
    if all(order == orders[0] for order in orders):
        return (f"{called} gave the same order {orders[0]} in all {EPOCHS} epochs; with shuffle=True each epoch "
                "must come in a new order. Did you re-seed the generator (or make a new one) inside the epoch loop? "
                "Seeding starts the sequence of orders again from its beginning.", "same order every epoch")
    again, _ = _orders(kata, N, BATCH, EPOCHS, seed)
    if again != orders:
        return (f"{called} gave different orders on two calls with the same seed ({orders[0]}, … the first time, "
                f"{again[0]}, … the second). Did you pass the generator to the DataLoader? Without one, the "
                "DataLoader draws from PyTorch's global random state, which moves on from call to call.",
                "not reproducible")
    other, _ = _orders(kata, N, BATCH, EPOCHS, seed + 1)
    if other == orders:
        return (f"{called} and {_call(N, BATCH, EPOCHS, seed + 1)} gave the same orders ({orders[0]}, …). Seed "
                "with the seed you were given: with a fixed seed every caller gets the same shuffle.", "seed ignored")
    return None


def _fail(kata, seed, message, cause):
    """Report a failed check under the mistake the canonical call shows, if it shows one; else as seen."""
    expect(False, *(_diagnosis(kata, seed) or (message, cause)))


def test_each_epoch_holds_every_sample_exactly_once(kata, seed):
    _orders(kata, N, BATCH, EPOCHS, seed)


def test_shuffled_epochs_come_in_new_orders(kata, seed):
    orders, called = _orders(kata, N, BATCH, EPOCHS, seed)
    if all(order == list(range(N)) for order in orders) or all(order == orders[0] for order in orders):
        _fail(kata, seed, f"{called} gave the same order {orders[0]} in every epoch.", "same order every epoch")


def test_without_shuffling_every_epoch_keeps_the_original_order(kata, seed):
    orders, called = _orders(kata, N, BATCH, EPOCHS, seed, shuffle=False)
    expect(all(order == list(range(N)) for order in orders),
           f"{called} gave the orders {orders}; expected 0, 1, …, {N - 1} in every epoch. Did you ignore the shuffle "
           "argument? It decides whether the DataLoader shuffles.", cause="shuffle ignored")


def test_the_same_seed_gives_the_same_orders(kata, seed):
    (first, called), (again, _) = _orders(kata, N, BATCH, EPOCHS, seed), _orders(kata, N, BATCH, EPOCHS, seed)
    if first != again:
        _fail(kata, seed, f"{called} gave {first} the first time and {again} the second; the same seed must give "
                          "the same orders.", "not reproducible")


def test_different_seeds_give_different_orders(kata, seed):
    (first, called), (other, _) = _orders(kata, N, BATCH, EPOCHS, seed), _orders(kata, N, BATCH, EPOCHS, seed + 1)
    if first == other:
        _fail(kata, seed, f"{called} and {_call(N, BATCH, EPOCHS, seed + 1)} gave the same orders {first}.",
              "seed ignored")


def test_the_orders_are_those_of_a_seeded_data_loader(kata, seed):
    global_seed = []
    for n, batch_size, epochs in ((15, 5, 3), (7, 3, 2), (4, 8, 2)):
        got, called = _orders(kata, n, batch_size, epochs, seed)
        if got == _loader_orders(n, batch_size, epochs, seed):
            continue
        if got == _loader_orders(n, batch_size, epochs, seed, own_generator=False):
            global_seed.append(called)
            continue
        expected = _loader_orders(n, batch_size, epochs, seed)
        _fail(kata, seed, f"{called} gave {got}; one DataLoader over TensorDataset(torch.arange({n})) whose shuffling "
                          f"is seeded with {seed} gives {expected}. Is anything else random drawn between the seed and "
                          "the epochs?", "differs from a seeded loader")
        return
    note(not global_seed,
         "torch.manual_seed(seed) seeds PyTorch's global generator, which everything else random draws from too "
         "(nn.Linear's starting weights, dropout, other loaders): a torch.Generator of the loader's own, "
         "DataLoader(..., generator=...), keeps the order of the data independent of them.")


# The written half: katas/q34_shuffling.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("With `shuffle=True`, each epoch cuts the rows into new random batches, so which rows share a "
                     "batch changes from epoch to epoch.", "what goes into each batch"),
        written.false("Shuffling changes the data set: the model learns from different rows than it would without "
                      "shuffling.", "which rows an epoch uses"),
        written.false("Sorting the rows by their target before batching does no harm: each batch's gradient still "
                      "points where the gradient over the whole dataset points.", "what sorted data does to batches"),
        written.true("When the rows are sorted or grouped (all the hot, dry days first, say), unshuffled batches hold "
                     "rows of mostly one kind, and each step pulls the weights towards that kind.",
                     "what sorted data does to batches"),
        written.false("Shuffled or not, each batch holds the same rows in every epoch; only the order of the batches "
                      "changes.", "what goes into each batch"),
        written.false("Shuffling can pair an input row with the target of another row.",
                      "what shuffling does to the pairs"),
        written.true("Shuffling keeps every input row together with its own target.",
                     "what shuffling does to the pairs"),
        written.true("Without shuffling, the model sees the same batches in the same order in every epoch.",
                     "what happens without shuffling"),
        written.true("The randomness that shuffling adds to the batches can help the optimisation reduce the loss "
                     "faster, as the lesson says.", "what shuffling does for training"),
    ),
    snippets=(
        written.Snippet("from torch.utils.data import DataLoader, TensorDataset\n"
                        "ds = TensorDataset(torch.arange(6.0))\n"
                        "print([xb.mean().item() for (xb,) in DataLoader(ds, 3)])",
                        about="batches cut from sorted rows without shuffling",
                        nudge="Which rows land in each batch, and how do the two batch means compare with the mean "
                              "of all six rows, 2.5?"),
        written.Snippet("from torch.utils.data import DataLoader, TensorDataset\n"
                        "ds = TensorDataset(torch.arange(15))\ndl = DataLoader(ds, 5, shuffle=True)\n"
                        "rows = [i for (xb,) in dl for i in xb.tolist()]\n"
                        "print(len(rows), sorted(rows) == list(range(15)))",
                        about="the rows one shuffled epoch goes through",
                        nudge="Shuffling changes the order of the rows. Does it add, drop or repeat any?"),
        written.Snippet("from torch.utils.data import DataLoader, TensorDataset\n"
                        "ds = TensorDataset(torch.arange(6), torch.arange(6) * 10)\n"
                        "dl = DataLoader(ds, 2, shuffle=True)\n"
                        "print(all(torch.equal(yb, xb * 10) for xb, yb in dl))",
                        about="inputs and targets in shuffled batches",
                        nudge="A TensorDataset hands out row i of the inputs with row i of the targets. "
                              "What does shuffling move: rows, or single tensors?"),
    ),
    ideas=(
        "each epoch draws a new random order, so every batch mixes different rows each time",
        "without shuffling the model sees the same batches in the same order in every epoch, and sorted or grouped "
        "data gives batches of one kind that pull the weights one way, then another",
        "the added randomness helps the optimisation reduce the loss; the rows and their pairing do not change",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
