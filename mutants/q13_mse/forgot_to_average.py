"""Sums the squared errors instead of averaging them: the loss grows with the batch size."""

import torch

CAUGHT_BY = "forget to average"


def mse(preds, targets):
    diff = preds - targets
    return torch.sum(diff * diff)
