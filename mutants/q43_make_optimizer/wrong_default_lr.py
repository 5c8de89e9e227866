"""Gives lr a different default (1e-3) than the lesson's 1e-5."""

import torch

CAUGHT_BY = "the default 1e-5"


def make_optimizer(model, lr=1e-3):
    return torch.optim.SGD(model.parameters(), lr=lr)
