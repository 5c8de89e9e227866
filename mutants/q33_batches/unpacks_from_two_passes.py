"""Takes xb from one pass over the loader and yb from another (`next(iter(loader))` twice): with shuffling,
the targets belong to other rows."""

CAUGHT_BY = "not from the same batch"


def first_batch(loader):
    xb = next(iter(loader))[0]
    yb = next(iter(loader))[1]
    return xb, yb
