"""Passes the method `model.parameters` instead of calling it: PyTorch raises a TypeError."""

import torch

CAUGHT_BY = "without parentheses"


def make_optimizer(model, lr=1e-5):
    return torch.optim.SGD(model.parameters, lr=lr)
