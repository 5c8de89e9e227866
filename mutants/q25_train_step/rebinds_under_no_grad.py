"""Rebinds `w = w - lr * w.grad` inside torch.no_grad(), then resets with `w.grad = None`: the new w is a
plain tensor of the function's own; the caller's w and b never move and keep their gradients."""

import torch

CAUGHT_BY = "Rebinding"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w = w - lr * w.grad
        b = b - lr * b.grad
    w.grad = None
    b.grad = None
    return loss.item()
