"""Counts the batches with a first pass (len(list(loader))), then collects a second pass: a shuffling
loader has drawn a new order by then."""

CAUGHT_BY = "more than once"


def collect_batches(loader):
    count = len(list(loader))
    batches = []
    for xb, yb in loader:
        batches.append((xb, yb))
    return batches[:count]
