"""Resets the gradient with `x.grad = None`, as zero_grad() does by default."""

import torch


def gradient_descent(f, x, lr, steps):
    history = []
    for _ in range(steps):
        value = f(x)
        value.backward()
        history.append(value.item())
        with torch.no_grad():
            x -= lr * x.grad
        x.grad = None
    return history
