"""Never resets x.grad: each backward() adds to it, so every step repeats all the earlier ones."""

import torch

CAUGHT_BY = "Forgot to reset gradients"


def gradient_descent(f, x, lr, steps):
    history = []
    for _ in range(steps):
        value = f(x)
        value.backward()
        history.append(value.item())
        with torch.no_grad():
            x -= lr * x.grad
    return history
