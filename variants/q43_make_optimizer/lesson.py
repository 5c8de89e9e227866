"""The lesson's code, `opt = torch.optim.SGD(model.parameters(), lr=1e-5)`, with the kata's lr argument."""

import torch


def make_optimizer(model, lr=1e-5):
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    return opt
