"""Passes both arguments by keyword."""

from torch import optim


def make_optimizer(model, lr=1e-5):
    return optim.SGD(params=model.parameters(), lr=lr)
