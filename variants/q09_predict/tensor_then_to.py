"""Converts tensors with .to(torch.float32) and lists with torch.tensor(..., dtype=torch.float32), then F.linear."""

import torch
import torch.nn.functional as F


def predict(x, w, b):
    x = x.to(torch.float32) if isinstance(x, torch.Tensor) else torch.tensor(x, dtype=torch.float32)
    return F.linear(x, w, b)
