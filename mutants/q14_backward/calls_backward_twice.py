"""Calls backward() twice (keeping the graph): the second call adds to .grad, doubling the gradients."""

import torch

CAUGHT_BY = "gradients accumulate"


def loss_gradients(inputs, targets, w, b):
    diff = inputs @ w.t() + b - targets
    loss = torch.sum(diff * diff) / diff.numel()
    loss.backward(retain_graph=True)
    loss.backward()
    return w.grad, b.grad
