"""Uses the first learning rate for every run (a stale variable), so all histories are the same."""

import torch

CAUGHT_BY = "using its own lr"


def compare_learning_rates(inputs, targets, lrs, epochs, seed):
    runs = {}
    step = lrs[0]
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
                w -= step * w.grad
                b -= step * b.grad
                w.grad.zero_()
                b.grad.zero_()
        runs[lr] = losses
    return runs
