"""Appends the loss tensor itself instead of `loss.item()`: the history holds tensors, not floats."""

import torch

CAUGHT_BY = "plain Python floats"


def compare_learning_rates(inputs, targets, lrs, epochs, seed):
    runs = {}
    for lr in lrs:
        gen = torch.Generator().manual_seed(seed)
        w = torch.randn(targets.shape[1], inputs.shape[1], generator=gen, requires_grad=True)
        b = torch.randn(targets.shape[1], generator=gen, requires_grad=True)
        losses = []
        for _ in range(epochs):
            loss = ((inputs @ w.t() + b - targets) ** 2).mean()
            losses.append(loss)
            loss.backward()
            with torch.no_grad():
                w -= lr * w.grad
                b -= lr * b.grad
                w.grad.zero_()
                b.grad.zero_()
        runs[lr] = losses
    return runs
