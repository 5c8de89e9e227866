"""Applies the update twice with the same gradient: each step is double the size it should be."""

import torch

CAUGHT_BY = "moved 2 times the step"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for _ in range(2):
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return loss.item()
