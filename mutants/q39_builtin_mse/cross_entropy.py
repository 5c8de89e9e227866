"""Calls F.cross_entropy, a loss for classes, instead of F.mse_loss."""

import torch.nn.functional as F

CAUGHT_BY = "what F.cross_entropy computes"


def builtin_mse(preds, targets):
    return F.cross_entropy(preds, targets)
