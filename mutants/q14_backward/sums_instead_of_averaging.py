"""Uses the sum of squared errors as the loss: every gradient is N·M times too big."""

import torch

CAUGHT_BY = "the loss was a sum"


def loss_gradients(inputs, targets, w, b):
    diff = inputs @ w.t() + b - targets
    torch.sum(diff * diff).backward()
    return w.grad, b.grad
