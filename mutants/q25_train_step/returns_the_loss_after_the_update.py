"""Recomputes the loss after the update and returns that one, not the loss the gradients came from."""

import torch

CAUGHT_BY = "the loss after the update"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
        return ((inputs @ w.t() + b - targets) ** 2).mean().item()
