"""The lesson's loop, `for i in range(100)`, with each epoch's loss recorded by .item().

The lesson's loop: `for i in range(100)` with its model and mse functions, the update and the resets all
under torch.no_grad(); each epoch's loss recorded with .item(), as the docstring asks."""

import torch


def train(inputs, targets, w, b, lr, epochs):
    def model(x):
        return x @ w.t() + b

    def mse(t1, t2):
        diff = t1 - t2
        return torch.sum(diff * diff) / diff.numel()

    losses = []
    for i in range(epochs):
        preds = model(inputs)
        loss = mse(preds, targets)
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w -= w.grad * lr
            b -= b.grad * lr
            w.grad.zero_()
            b.grad.zero_()
    return losses
