"""Records each epoch's loss after its update (recomputed), so the history never shows the starting loss."""

import torch

CAUGHT_BY = "before its update"


def train(inputs, targets, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        loss = ((inputs @ w.t() + b - targets) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
            losses.append(((inputs @ w.t() + b - targets) ** 2).mean().item())
    return losses
