"""Writes `with torch.no_grad:` without the parentheses: a TypeError before anything is updated."""

import torch

CAUGHT_BY = "without parentheses"


def update(w, b, lr):
    with torch.no_grad:
        w -= w.grad * lr
        b -= b.grad * lr
