"""Uses n // batch for every case: the partial last batch, and its update, are not counted."""

CAUGHT_BY = "Did you round down?"


def updates_per_epoch(n_samples, batch_size, drop_last=False):
    return n_samples // batch_size
