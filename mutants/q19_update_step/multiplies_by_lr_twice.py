"""Scales the gradient by lr twice (lr² × grad): the step is far too small to matter."""

import torch

CAUGHT_BY = "multiply by lr twice"


def update(w, b, lr):
    with torch.no_grad():
        w -= w.grad * lr * lr
        b -= b.grad * lr * lr
