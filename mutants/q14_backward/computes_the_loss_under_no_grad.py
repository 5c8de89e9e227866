"""Computes the predictions and the loss inside `with torch.no_grad():` (as the update is in the lesson):
nothing is recorded, so backward() has no graph to follow."""

import torch

CAUGHT_BY = "was computed inside `with torch.no_grad():`"


def loss_gradients(inputs, targets, w, b):
    with torch.no_grad():
        preds = inputs @ w.t() + b
        diff = preds - targets
        loss = torch.sum(diff * diff) / diff.numel()
    loss.backward()
    return w.grad, b.grad
