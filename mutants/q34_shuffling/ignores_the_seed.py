"""Seeds the generator with a fixed number instead of the seed it was given: every seed gives the same orders."""

import torch
from torch.utils.data import DataLoader, TensorDataset

CAUGHT_BY = "Seed with the seed you were given"


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, shuffle=shuffle,
                        generator=torch.Generator().manual_seed(12345))
    return [[i for (xb,) in loader for i in xb.tolist()] for _ in range(epochs)]
