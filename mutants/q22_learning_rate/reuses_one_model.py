"""Creates the model once and keeps training it for every lr: a diverged model carries over to the next run."""

import torch

CAUGHT_BY = "fresh model for each learning rate"


def compare_learning_rates(inputs, targets, lrs, epochs, seed):
    gen = torch.Generator().manual_seed(seed)
    w = torch.randn(targets.shape[1], inputs.shape[1], generator=gen, requires_grad=True)
    b = torch.randn(targets.shape[1], generator=gen, requires_grad=True)
    runs = {}
    for lr in lrs:
        losses = []
        for _ in range(epochs):
            loss = ((inputs @ w.t() + b - targets) ** 2).mean()
            losses.append(loss.item())
            loss.backward()
            with torch.no_grad():
                w -= lr * w.grad
                b -= lr * b.grad
                w.grad.zero_()
                b.grad.zero_()
        runs[lr] = losses
    return runs
