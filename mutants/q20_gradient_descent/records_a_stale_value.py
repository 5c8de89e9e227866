"""Recomputes f(x) for backward() but records the value from before the loop every time: a stale history."""

import torch

CAUGHT_BY = "they are stale"


def gradient_descent(f, x, lr, steps):
    history = []
    first = f(x).item()
    for _ in range(steps):
        f(x).backward()
        history.append(first)
        with torch.no_grad():
            x -= lr * x.grad
            x.grad.zero_()
    return history
