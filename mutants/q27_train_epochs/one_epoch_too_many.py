"""Loops over range(epochs + 1) and drops the last loss to keep the history's length: one update too many."""

import torch

CAUGHT_BY = "one epoch too many"


def train(inputs, targets, w, b, lr, epochs):
    losses = []
    for _ in range(epochs + 1):
        loss = ((inputs @ w.t() + b - targets) ** 2).mean()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return losses[:epochs]
