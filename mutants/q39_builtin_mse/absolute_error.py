"""Picks the wrong built-in, F.l1_loss: the mean absolute error, not the mean squared error."""

import torch.nn.functional as F

CAUGHT_BY = "the mean absolute error"


def builtin_mse(preds, targets):
    if preds.shape != targets.shape:
        raise ValueError("shapes differ")
    return F.l1_loss(preds, targets)
