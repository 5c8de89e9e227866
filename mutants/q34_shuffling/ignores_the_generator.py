"""Seeds a generator but never gives it to the DataLoader: the order comes from the global random state."""

import torch
from torch.utils.data import DataLoader, TensorDataset

CAUGHT_BY = "Did you pass the generator to the DataLoader?"


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    torch.Generator().manual_seed(seed)
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, shuffle=shuffle)
    return [[i for (xb,) in loader for i in xb.tolist()] for _ in range(epochs)]
