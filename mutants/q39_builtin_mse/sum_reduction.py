"""Passes reduction="sum": the loss adds the squared errors up instead of averaging them."""

import torch.nn.functional as F

CAUGHT_BY = "forget to average"


def builtin_mse(preds, targets):
    if preds.shape != targets.shape:
        raise ValueError("shapes differ")
    return F.mse_loss(preds, targets, reduction="sum")
