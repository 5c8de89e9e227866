"""Hard-codes shuffle=True, as in the lesson, so shuffle=False still mixes the rows."""

from torch.utils.data import DataLoader

CAUGHT_BY = "Did you always shuffle?"


def make_loader(dataset, batch_size, shuffle, generator=None):
    return DataLoader(dataset, batch_size, shuffle=True, generator=generator)
