"""Seeds the generator again at the start of every epoch: every epoch replays the same order."""

import torch
from torch.utils.data import DataLoader, TensorDataset

CAUGHT_BY = "re-seed the generator (or make a new one) inside the epoch loop"


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    generator = torch.Generator()
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size, shuffle=shuffle, generator=generator)
    orders = []
    for _ in range(epochs):
        generator.manual_seed(seed)
        orders.append([i for (xb,) in loader for i in xb.tolist()])
    return orders
