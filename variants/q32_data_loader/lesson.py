"""The lesson's line, DataLoader(train_ds, batch_size, shuffle=True), with the kata's arguments.

The lesson's line, `train_dl = DataLoader(train_ds, batch_size, shuffle=True)`, with the kata's own
arguments in place of its fixed ones (shuffle, and the generator the lesson does not pass)."""

from torch.utils.data import DataLoader


def make_loader(dataset, batch_size, shuffle, generator=None):
    train_dl = DataLoader(dataset, batch_size, shuffle=shuffle, generator=generator)
    return train_dl
