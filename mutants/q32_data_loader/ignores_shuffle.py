"""Never passes shuffle on: the loader keeps the rows in their original order every epoch."""

from torch.utils.data import DataLoader

CAUGHT_BY = "Did you ignore shuffle?"


def make_loader(dataset, batch_size, shuffle, generator=None):
    return DataLoader(dataset, batch_size, generator=generator)
