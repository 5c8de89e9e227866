"""Appends the loss tensor instead of loss.item(): every graph stays alive in the history."""

import torch

CAUGHT_BY = "plain Python floats"


def train(inputs, targets, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        loss = ((inputs @ w.t() + b - targets) ** 2).mean()
        losses.append(loss)
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return losses
