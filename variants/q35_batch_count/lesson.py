"""The lesson's DataLoader, counting the batches that `for xb, yb in train_dl` hands out.

The lesson's code: a TensorDataset and DataLoader(train_ds, batch_size, shuffle=True), counting the batches
that `for xb, yb in train_dl` hands out (one update each)."""

import torch
from torch.utils.data import DataLoader, TensorDataset


def updates_per_epoch(n_samples, batch_size, drop_last=False):
    inputs, targets = torch.zeros(n_samples, 3), torch.zeros(n_samples, 2)
    train_ds = TensorDataset(inputs, targets)
    train_dl = DataLoader(train_ds, batch_size, shuffle=True, drop_last=drop_last)
    updates = 0
    for _xb, _yb in train_dl:
        updates += 1
    return updates
