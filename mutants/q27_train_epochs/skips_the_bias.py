"""Trains the weights but never updates the bias: the loss still falls every epoch, only more slowly."""

import torch

CAUGHT_BY = "did not change b, while w moved"


def train(inputs, targets, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        loss = ((inputs @ w.t() + b - targets) ** 2).mean()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            w.grad.zero_()
            b.grad.zero_()
    return losses
