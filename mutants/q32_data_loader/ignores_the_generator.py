"""Leaves the generator out: the order comes from the global random state and cannot be reproduced."""

from torch.utils.data import DataLoader

CAUGHT_BY = "Did you ignore the generator?"


def make_loader(dataset, batch_size, shuffle, generator=None):
    return DataLoader(dataset, batch_size, shuffle=shuffle)
