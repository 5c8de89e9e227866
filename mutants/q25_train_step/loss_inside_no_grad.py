"""Puts the whole step inside `with torch.no_grad():`, the loss too: nothing is recorded, so backward() fails."""

import torch

CAUGHT_BY = "was computed inside `with torch.no_grad():`"


def train_step(inputs, targets, w, b, lr):
    with torch.no_grad():
        loss = ((inputs @ w.t() + b - targets) ** 2).mean()
        loss.backward()
        w -= lr * w.grad
        b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return loss.item()
