"""torch.matmul with w.T and ((p - t) ** 2).mean(), returning copies of the gradients."""

import torch


def loss_gradients(inputs, targets, w, b):
    loss = ((torch.matmul(inputs, w.T) + b - targets) ** 2).mean()
    loss.backward()
    return w.grad.clone(), b.grad.clone()
