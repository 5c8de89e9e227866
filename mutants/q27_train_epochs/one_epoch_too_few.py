"""Loops over range(1, epochs): one epoch too few."""

import torch

CAUGHT_BY = "one epoch too few"


def train(inputs, targets, w, b, lr, epochs):
    losses = []
    for _ in range(1, epochs):
        loss = ((inputs @ w.t() + b - targets) ** 2).mean()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return losses
