"""Sorts the input rows on the way in (for example by temperature): rows no longer meet their targets."""

from torch.utils.data import TensorDataset

CAUGHT_BY = "in their row order"


def make_dataset(inputs, targets):
    return TensorDataset(inputs[inputs[:, 0].argsort()], targets)
