"""Checks that the rows pair up and raises a ValueError of its own before building the TensorDataset."""

from torch.utils.data import TensorDataset


def make_dataset(inputs, targets):
    if len(inputs) != len(targets):
        raise ValueError(f"{len(inputs)} input rows but {len(targets)} target rows")
    return TensorDataset(inputs, targets)
