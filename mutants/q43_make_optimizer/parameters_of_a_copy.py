"""Builds the optimizer on a copy of the model: step() trains the copy and the real model never changes."""

import copy

import torch

CAUGHT_BY = "not this model's parameters"


def make_optimizer(model, lr=1e-5):
    return torch.optim.SGD(copy.deepcopy(model).parameters(), lr=lr)
