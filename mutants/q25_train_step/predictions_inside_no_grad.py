"""Computes the predictions inside `with torch.no_grad():` and the loss from them outside: the loss has no graph."""

import torch

CAUGHT_BY = "was computed inside `with torch.no_grad():`"


def train_step(inputs, targets, w, b, lr):
    with torch.no_grad():
        preds = inputs @ w.t() + b
    loss = ((preds - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return loss.item()
