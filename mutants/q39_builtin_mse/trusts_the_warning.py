"""No shape check: F.mse_loss only warns, then compares (N, 1) predictions with (N,) targets as (N, N)."""

import torch.nn.functional as F

CAUGHT_BY = "only warns"


def builtin_mse(preds, targets):
    return F.mse_loss(preds, targets)
