"""Resets the gradient at the top of each step (when there is one), before backward()."""

import torch


def gradient_descent(f, x, lr, steps):
    history = []
    for _ in range(steps):
        if x.grad is not None:
            x.grad.zero_()
        value = f(x)
        value.backward()
        history.append(value.item())
        with torch.no_grad():
            x.sub_(lr * x.grad)
    return history
