"""Rebinds `w = w - lr * w.grad` (MISTAKE 2): a new local tensor; the caller's w and b never change."""

CAUGHT_BY = "Rebinding"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    w = w - lr * w.grad
    b = b - lr * b.grad
    return loss.item()
