"""Converts the inputs correctly but never adds the bias."""

import torch

CAUGHT_BY = "forget to add the bias"


def predict(x, w, b):
    return torch.as_tensor(x, dtype=torch.float32) @ w.t()
