"""Makes sure the loader is not empty with a first pass (list(loader)) before taking the first batch: a
shuffling loader has drawn a new order by then."""

CAUGHT_BY = "a second pass"


def first_batch(loader):
    batches = list(loader)
    assert batches, "the loader is empty"
    xb, yb = next(iter(loader))
    return xb, yb
