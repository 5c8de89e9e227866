"""Adds the gradient instead of subtracting it (`w += lr * w.grad`): every step goes uphill."""

import torch

CAUGHT_BY = "step against the gradient"


def compare_learning_rates(inputs, targets, lrs, epochs, seed):
    runs = {}
    for lr in lrs:
        gen = torch.Generator().manual_seed(seed)
        w = torch.randn(targets.shape[1], inputs.shape[1], generator=gen, requires_grad=True)
        b = torch.randn(targets.shape[1], generator=gen, requires_grad=True)
        losses = []
        for _ in range(epochs):
            loss = ((inputs @ w.t() + b - targets) ** 2).mean()
            losses.append(loss.item())
            loss.backward()
            with torch.no_grad():
                w += lr * w.grad
                b += lr * b.grad
                w.grad.zero_()
                b.grad.zero_()
        runs[lr] = losses
    return runs
