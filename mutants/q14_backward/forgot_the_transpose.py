"""Multiplies by w instead of w.t(): (N, 3) @ (2, 3) cannot be multiplied."""

import torch

CAUGHT_BY = "Shapes do not line up for `@`"


def loss_gradients(inputs, targets, w, b):
    diff = inputs @ w + b - targets
    loss = torch.sum(diff * diff) / diff.numel()
    loss.backward()
    return w.grad, b.grad
