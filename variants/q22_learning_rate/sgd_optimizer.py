"""torch.optim.SGD does the update; zero_grad() is called before the backward()."""

import torch


def compare_learning_rates(inputs, targets, lrs, epochs, seed):
    runs = {}
    for lr in lrs:
        gen = torch.Generator().manual_seed(seed)
        w = torch.randn(targets.shape[1], inputs.shape[1], generator=gen, requires_grad=True)
        b = torch.randn(targets.shape[1], generator=gen, requires_grad=True)
        opt = torch.optim.SGD([w, b], lr=lr)
        runs[lr] = []
        for _ in range(epochs):
            opt.zero_grad()
            loss = ((torch.matmul(inputs, w.T) + b - targets) ** 2).mean()
            runs[lr].append(loss.item())
            loss.backward()
            opt.step()
    return runs
