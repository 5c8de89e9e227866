"""q34 · Shuffling the training data.

With shuffle=True a DataLoader draws a fresh random order of the samples at the start of every epoch,
so each epoch cuts the data into different batches. The order comes from a random number generator;
seeded, it makes the whole sequence of orders reproducible.
"""

import torch  # noqa: F401 (you will need it)
from torch.utils.data import DataLoader, TensorDataset  # noqa: F401 (you will need them)


def epoch_orders(n: int, batch_size: int, epochs: int, seed: int, shuffle: bool = True) -> list[list[int]]:
    """The order in which a DataLoader hands out the samples 0 … n-1, for each of `epochs` epochs.

    Each sample is its own index (a TensorDataset over torch.arange(n)); the DataLoader hands them out in
    batches of batch_size.

    Args:
        n: the number of samples.
        batch_size: samples per batch.
        epochs: how many passes over the loader to record.
        seed: the seed of the random numbers that drive the shuffling (a torch.Generator's, or PyTorch's own
            through torch.manual_seed).
        shuffle: passed on to the DataLoader.

    Returns:
        A list of `epochs` lists; each holds the n sample indices (Python ints) in the order they came.
        The same seed always gives the same orders; with shuffle=True, each epoch comes in a new order.

    Example:
        >>> epoch_orders(4, 2, epochs=2, seed=0, shuffle=False)
        [[0, 1, 2, 3], [0, 1, 2, 3]]
    """
    generator = torch.Generator().manual_seed(seed)  # seeded once: every epoch draws the next order from it
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, shuffle=shuffle, generator=generator)
    orders = []
    for _ in range(epochs):
        order = []
        for (xb,) in loader:
            order += xb.tolist()
        orders.append(order)
    return orders
