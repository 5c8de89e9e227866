"""Applies the same step twice (copy-pasted lines): the parameters move by 2 × lr × grad."""

import torch

CAUGHT_BY = "apply the step twice"


def update(w, b, lr):
    with torch.no_grad():
        w -= w.grad * lr
        b -= b.grad * lr
        w -= w.grad * lr
        b -= b.grad * lr
