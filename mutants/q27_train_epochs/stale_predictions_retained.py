"""Predicts once and keeps the graph (`backward(retain_graph=True)`): the loss never changes, w keeps the first gradient."""

import torch

CAUGHT_BY = "Stale predictions"


def train(inputs, targets, w, b, lr, epochs):
    preds = inputs @ w.t() + b
    losses = []
    for _ in range(epochs):
        loss = ((preds - targets) ** 2).mean()
        losses.append(loss.item())
        loss.backward(retain_graph=True)
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return losses
