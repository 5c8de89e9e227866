"""Passes reduction="none": returns every squared error instead of one number."""

import torch.nn.functional as F

CAUGHT_BY = "reduction='none'"


def builtin_mse(preds, targets):
    if preds.shape != targets.shape:
        raise ValueError("shapes differ")
    return F.mse_loss(preds, targets, reduction="none")
