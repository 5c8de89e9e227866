"""Turns every input into a batch, so a single sample gives shape (1, m) instead of (m,)."""

import torch

CAUGHT_BY = "keep that extra dimension"


def predict(x, w, b):
    x = torch.atleast_2d(torch.as_tensor(x, dtype=torch.float32))
    return x @ w.t() + b
