"""Passes drop_last=True: the rows left over after the last full batch are never trained on."""

from torch.utils.data import DataLoader

CAUGHT_BY = "Did you drop the last, partial batch"


def make_loader(dataset, batch_size, shuffle, generator=None):
    return DataLoader(dataset, batch_size, shuffle=shuffle, generator=generator, drop_last=True)
