"""Resets the gradients before the update: the update then subtracts zeros and nothing moves."""

import torch

CAUGHT_BY = "before resetting its gradient"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w.grad.zero_()
        b.grad.zero_()
        w -= lr * w.grad
        b -= lr * b.grad
    return loss.item()
