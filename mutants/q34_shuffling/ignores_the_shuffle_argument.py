"""Hard-codes shuffle=True, as in the lesson: shuffle=False still mixes the samples."""

import torch
from torch.utils.data import DataLoader, TensorDataset

CAUGHT_BY = "Did you ignore the shuffle argument?"


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    return [[i for (xb,) in loader for i in xb.tolist()] for _ in range(epochs)]
