"""Writes `with torch.no_grad:` without the parentheses, which raises a TypeError."""

import torch

CAUGHT_BY = "without parentheses"


def predict_no_grad(x, w, b):
    with torch.no_grad:
        return x @ w.t() + b
