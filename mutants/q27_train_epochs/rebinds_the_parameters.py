"""Rebinds `w = w - lr * w.grad` inside torch.no_grad() (MISTAKE 2), then resets: the new w is a plain
tensor with no .grad, so the reset fails, and the caller's w and b never move."""

import torch

CAUGHT_BY = "Rebinding"


def train(inputs, targets, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        loss = ((inputs @ w.t() + b - targets) ** 2).mean()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w = w - lr * w.grad
            b = b - lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return losses
