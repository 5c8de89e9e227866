"""Writes its own Dataset of indices and misspells __getitem__ as `__getitm__`: the DataLoader finds none, and
torch raises NotImplementedError (which must not read as "not started")."""

import torch
from torch.utils.data import DataLoader, Dataset

CAUGHT_BY = "Dataset subclass Indices has no __getitem__ (is it misspelt? you defined `__getitm__`)"


class Indices(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitm__(self, i):
        return i


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    generator = torch.Generator().manual_seed(seed)
    loader = DataLoader(Indices(n), batch_size, shuffle=shuffle, generator=generator)
    orders = []
    for _ in range(epochs):
        order = []
        for xb in loader:
            order += xb.tolist()
        orders.append(order)
    return orders
