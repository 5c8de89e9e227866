"""batch_size and shuffle passed by position, as DataLoader allows."""

from torch.utils.data import DataLoader


def make_loader(dataset, batch_size, shuffle, generator=None):
    return DataLoader(dataset, batch_size, shuffle, generator=generator)
