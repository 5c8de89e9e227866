"""The lesson's code: model(), mse() and loss.backward(), then w.grad and b.grad."""

import torch


def loss_gradients(inputs, targets, w, b):
    def model(x):
        return x @ w.t() + b

    def mse(t1, t2):
        diff = t1 - t2
        return torch.sum(diff * diff) / diff.numel()

    preds = model(inputs)
    loss = mse(preds, targets)
    loss.backward()
    return w.grad, b.grad
