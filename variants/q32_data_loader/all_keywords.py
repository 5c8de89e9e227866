"""Every argument passed by keyword."""

from torch.utils.data import DataLoader


def make_loader(dataset, batch_size, shuffle, generator=None):
    return DataLoader(dataset=dataset, batch_size=batch_size, shuffle=shuffle, generator=generator)
