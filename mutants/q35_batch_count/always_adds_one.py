"""Uses n // batch + 1, which counts a partial batch even when the rows split evenly."""

CAUGHT_BY = "Did you add one for a partial batch that is not there?"


def updates_per_epoch(n_samples, batch_size, drop_last=False):
    if drop_last:
        return n_samples // batch_size
    return n_samples // batch_size + 1
