"""next(iter(loader)) for the first batch; list(loader) for the epoch."""


def collect_batches(loader):
    return [tuple(batch) for batch in list(loader)]


def first_batch(loader):
    xb, yb = next(iter(loader))
    return xb, yb
