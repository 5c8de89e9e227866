"""Updates the weights but forgets the bias."""

import torch

CAUGHT_BY = "while w moved by -lr * grad"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        w.grad.zero_()
        b.grad.zero_()
    return loss.item()
