"""Resets the gradients after the step: that is the caller's job (q24), and it hides the gradients it used."""

import torch

CAUGHT_BY = "the caller resets them"


def update(w, b, lr):
    with torch.no_grad():
        w -= w.grad * lr
        b -= b.grad * lr
        w.grad.zero_()
        b.grad.zero_()
