"""Turns lists into tensors but keeps their dtype: integer inputs stay int64 and meet float32 weights."""

import torch

CAUGHT_BY = "holds whole numbers"


def predict(x, w, b):
    return torch.as_tensor(x) @ w.t() + b
