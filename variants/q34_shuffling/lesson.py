"""The lesson's DataLoader(..., shuffle=True), seeded once with torch.manual_seed.

The lesson's code: TensorDataset, then DataLoader(train_ds, batch_size, shuffle=True) and `for xb in train_dl`,
once per epoch; the seed goes to PyTorch's global generator with torch.manual_seed, once, before the loader."""

import torch
from torch.utils.data import DataLoader, TensorDataset


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    torch.manual_seed(seed)
    train_ds = TensorDataset(torch.arange(n))
    train_dl = DataLoader(train_ds, batch_size, shuffle=shuffle)
    orders = []
    for _epoch in range(epochs):
        order = []
        for (xb,) in train_dl:
            order += xb.tolist()
        orders.append(order)
    return orders
