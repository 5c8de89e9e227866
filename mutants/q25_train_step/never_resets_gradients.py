"""Never resets the gradients: the second step follows the sum of the old and the new gradient."""

import torch

CAUGHT_BY = "Forgot to reset gradients"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    return loss.item()
