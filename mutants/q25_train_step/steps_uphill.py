"""Adds the gradient instead of subtracting it (`w += lr * w.grad`)."""

import torch

CAUGHT_BY = "moved uphill"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w += lr * w.grad
        b += lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return loss.item()
