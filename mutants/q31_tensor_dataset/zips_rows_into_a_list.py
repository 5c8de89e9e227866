"""Zips the rows into a plain list of pairs instead of building a TensorDataset."""

CAUGHT_BY = "Zipping the rows into a plain list"


def make_dataset(inputs, targets):
    return list(zip(inputs, targets, strict=False))
