"""Converts the weights to the inputs' dtype instead of the inputs to float32: float64 in, float64 out."""

import torch

CAUGHT_BY = "Keep everything float32"


def predict(x, w, b):
    x = torch.as_tensor(x)
    if not x.is_floating_point():
        x = x.float()
    return x @ w.to(x.dtype).t() + b.to(x.dtype)
