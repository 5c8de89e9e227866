"""Records f(x) after each update instead of before it: the history starts one step late."""

import torch

CAUGHT_BY = "before each step's update"


def gradient_descent(f, x, lr, steps):
    history = []
    for _ in range(steps):
        f(x).backward()
        with torch.no_grad():
            x -= lr * x.grad
            x.grad.zero_()
            history.append(f(x).item())
    return history
