"""Rebinds `x = x - lr * x.grad` under no_grad: the new x does not require grad, so the next backward() fails."""

import torch

CAUGHT_BY = "is no longer the tensor you were given"


def gradient_descent(f, x, lr, steps):
    history = []
    for _ in range(steps):
        value = f(x)
        value.backward()
        history.append(value.item())
        with torch.no_grad():
            x = x - lr * x.grad
    return history
