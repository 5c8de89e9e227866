"""Leaves shuffle at the DataLoader's default (False): every epoch keeps the original order."""

import torch
from torch.utils.data import DataLoader, TensorDataset

CAUGHT_BY = "Did you leave shuffling off?"


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, generator=torch.Generator().manual_seed(seed))
    return [[i for (xb,) in loader for i in xb.tolist()] for _ in range(epochs)]
