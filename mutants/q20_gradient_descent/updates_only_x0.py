"""Steps only x[0], as if x held one number like the docstring's example: the rest of x never moves
(in the crop descent, the second row of w: the weights of one output)."""

import torch

CAUGHT_BY = "the other elements of x never changed"


def gradient_descent(f, x, lr, steps):
    history = []
    for _ in range(steps):
        value = f(x)
        value.backward()
        history.append(value.item())
        with torch.no_grad():
            x[0] -= lr * x.grad[0]
            x.grad.zero_()
    return history
