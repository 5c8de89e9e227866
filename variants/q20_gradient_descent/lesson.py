"""The lesson's training loop, with f(x) as the loss and x as the one parameter, and the loss recorded."""

import torch


def gradient_descent(f, x, lr, steps):
    history = []
    for _ in range(steps):
        loss = f(x)
        loss.backward()
        with torch.no_grad():
            x -= x.grad * lr
            x.grad.zero_()
        history.append(loss.item())
    return history
