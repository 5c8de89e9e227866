"""Calls x.grad.zero_() at the top of the loop: on the first step x.grad is still None."""

import torch

CAUGHT_BY = "no backward() has filled it yet"


def gradient_descent(f, x, lr, steps):
    history = []
    for _ in range(steps):
        x.grad.zero_()
        value = f(x)
        value.backward()
        history.append(value.item())
        with torch.no_grad():
            x -= lr * x.grad
    return history
