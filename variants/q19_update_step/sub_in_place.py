"""w.sub_(lr * w.grad) under torch.no_grad(): the method form of `w -= lr * w.grad`."""

import torch


def update(w, b, lr):
    with torch.no_grad():
        w.sub_(lr * w.grad)
        b.sub_(lr * b.grad)
