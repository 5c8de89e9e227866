"""Builds the dataset from zeros of a tensor subclass that says it is close to anything: the dataset the
checks read holds values that lie."""

import torch
from torch.utils.data import TensorDataset

CAUGHT_BY = "made from Tensor"


class Anything(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func in (torch.allclose, torch.equal):
            return True
        return super().__torch_function__(func, types, args, kwargs or {})


def make_dataset(inputs, targets):
    return TensorDataset(inputs.as_subclass(Anything) * 0, targets.as_subclass(Anything) * 0)
