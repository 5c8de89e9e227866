"""A list comprehension with unpacking."""


def collect_batches(loader):
    return [(xb, yb) for xb, yb in loader]
