"""Divides the sum of squares by len(diff), the number of rows, instead of by every element (diff.numel())."""

import torch

CAUGHT_BY = "squared errors divided by the"


def mse(preds, targets):
    diff = preds - targets
    return torch.sum(diff * diff) / len(diff)
