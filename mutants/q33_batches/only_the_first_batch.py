"""Takes the first batch with next(iter(loader)) and stops: the epoch is one batch long."""

CAUGHT_BY = "Did you take only the first batch?"


def collect_batches(loader):
    xb, yb = next(iter(loader))
    return [(xb, yb)]
