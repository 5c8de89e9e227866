"""A helper for one step, called once per epoch; the reset by `.grad = None`."""

import torch


def _step(inputs, targets, w, b, lr):
    loss = ((torch.matmul(inputs, w.T) + b - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad = None
    b.grad = None
    return loss.item()


def train(inputs, targets, w, b, lr, epochs):
    return [_step(inputs, targets, w, b, lr) for _ in range(epochs)]
