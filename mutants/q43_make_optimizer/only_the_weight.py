"""Hands the optimizer only the weight: the bias never learns."""

import torch

CAUGHT_BY = "only some of the model's parameters"


def make_optimizer(model, lr=1e-5):
    return torch.optim.SGD([model.weight], lr=lr)
