"""torch.optim.SGD over [x], with opt.zero_grad() before backward(): the same plain steps."""

import torch


def gradient_descent(f, x, lr, steps):
    opt = torch.optim.SGD([x], lr=lr)
    history = []
    for _ in range(steps):
        opt.zero_grad()
        value = f(x)
        value.backward()
        history.append(value.item())
        opt.step()
    return history
