"""Hard-codes the learning rate (1e-3) and ignores the lr argument."""

import torch

CAUGHT_BY = "hard-code"


def make_optimizer(model, lr=1e-5):
    return torch.optim.SGD(model.parameters(), lr=1e-3)
