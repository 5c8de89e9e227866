"""Never resets the gradients: each backward() adds to the last one and the steps keep growing."""

import torch

CAUGHT_BY = "reset the gradients after each update"


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
                w -= lr * w.grad
                b -= lr * b.grad
        runs[lr] = losses
    return runs
