"""Computes the loss but never calls loss.backward(): w.grad is still None when the update reads it."""

import torch

CAUGHT_BY = "backward() was never called"


def train(inputs, targets, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        diff = inputs @ w.t() + b - targets
        loss = torch.sum(diff * diff) / diff.numel()
        losses.append(loss.item())
        with torch.no_grad():
            w -= w.grad * lr
            b -= b.grad * lr
    return losses
