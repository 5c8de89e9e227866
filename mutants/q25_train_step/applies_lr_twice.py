"""Scales the gradient by the learning rate twice (`w -= lr * (lr * w.grad)`): the step is far too small."""

import torch

CAUGHT_BY = "Far too small a step"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * (lr * w.grad)
        b -= lr * (lr * b.grad)
        w.grad.zero_()
        b.grad.zero_()
    return loss.item()
