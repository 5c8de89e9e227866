"""Adds lr × gradient instead of subtracting it: every step goes uphill."""

import torch

CAUGHT_BY = "uphill"


def update(w, b, lr):
    with torch.no_grad():
        w += w.grad * lr
        b += b.grad * lr
