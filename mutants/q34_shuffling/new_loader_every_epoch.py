"""Builds a new loader with a freshly seeded generator inside the epoch loop: the same order every epoch."""

import torch
from torch.utils.data import DataLoader, TensorDataset

CAUGHT_BY = "re-seed the generator (or make a new one) inside the epoch loop"


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    orders = []
    for _ in range(epochs):
        loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, shuffle=shuffle,
                            generator=torch.Generator().manual_seed(seed))
        orders.append([i for (xb,) in loader for i in xb.tolist()])
    return orders
