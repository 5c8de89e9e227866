"""Creates Adam instead of SGD: a different update rule from the lesson's p -= lr * p.grad."""

import torch

CAUGHT_BY = "expected torch.optim.SGD"


def make_optimizer(model, lr=1e-5):
    return torch.optim.Adam(model.parameters(), lr=lr)
