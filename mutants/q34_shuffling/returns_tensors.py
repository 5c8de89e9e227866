"""Appends the index tensors themselves instead of Python ints."""

import torch
from torch.utils.data import DataLoader, TensorDataset

CAUGHT_BY = "expected plain Python ints"


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, shuffle=shuffle,
                        generator=torch.Generator().manual_seed(seed))
    return [[i for (xb,) in loader for i in xb] for _ in range(epochs)]
