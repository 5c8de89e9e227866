"""Keeps only the inputs of each batch: the targets, which the loss needs, are lost."""

CAUGHT_BY = "Did you keep only the inputs?"


def collect_batches(loader):
    return [xb for xb, yb in loader]
