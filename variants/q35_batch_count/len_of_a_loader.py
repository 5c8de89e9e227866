"""Asks a DataLoader over range(n) how many batches it makes."""

from torch.utils.data import DataLoader


def updates_per_epoch(n_samples, batch_size, drop_last=False):
    return len(DataLoader(range(n_samples), batch_size=batch_size, drop_last=drop_last))
