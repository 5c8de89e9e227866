"""Goes on to update the weights after backward(): this function should only compute the gradients."""

import torch

CAUGHT_BY = ".backward() never changes the weights"


def loss_gradients(inputs, targets, w, b):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 1e-5 * w.grad
        b -= 1e-5 * b.grad
    return w.grad, b.grad
