"""Gets the gradients with torch.autograd.grad, which returns them but never fills w.grad and b.grad."""

import torch

CAUGHT_BY = "computed without filling .grad"


def loss_gradients(inputs, targets, w, b):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    gw, gb = torch.autograd.grad(loss, (w, b))
    return gw, gb
