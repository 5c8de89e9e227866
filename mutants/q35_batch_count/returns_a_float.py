"""Returns n / batch, a float such as 3.75, instead of a whole number of batches."""

CAUGHT_BY = "expected a Python int"


def updates_per_epoch(n_samples, batch_size, drop_last=False):
    return n_samples / batch_size
