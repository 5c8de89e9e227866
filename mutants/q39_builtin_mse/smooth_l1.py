"""Calls F.smooth_l1_loss (the Huber-like loss) instead of F.mse_loss: small errors squared, large ones not."""

import torch.nn.functional as F

CAUGHT_BY = "it equals the smooth L1 (Huber) loss"


def builtin_mse(preds, targets):
    return F.smooth_l1_loss(preds, targets)
