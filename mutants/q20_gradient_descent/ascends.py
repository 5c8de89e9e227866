"""Adds the gradient (`x += lr * x.grad`): gradient ascent, the values climb."""

import torch

CAUGHT_BY = "instead of subtracting"


def gradient_descent(f, x, lr, steps):
    history = []
    for _ in range(steps):
        value = f(x)
        value.backward()
        history.append(value.item())
        with torch.no_grad():
            x += lr * x.grad
            x.grad.zero_()
    return history
