"""Resets the gradients before using them: the step is zero and nothing moves."""

import torch

CAUGHT_BY = "the step used a zero gradient"


def update(w, b, lr):
    with torch.no_grad():
        w.grad.zero_()
        b.grad.zero_()
        w -= w.grad * lr
        b -= b.grad * lr
