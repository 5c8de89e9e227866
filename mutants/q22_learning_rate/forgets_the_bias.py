"""Updates w but forgets b: on the crop data (inputs 40–135) a bias step is about 100 times smaller than a weight
step, so the crop loss hardly shows it; on data of a few units it does, on every seed."""

import torch

CAUGHT_BY = "in which b never moves"


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
                w.grad.zero_()
                b.grad.zero_()
        runs[lr] = losses
    return runs
