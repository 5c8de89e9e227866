"""Calls F.mse_loss, which the kata asks to write by hand."""

import torch.nn.functional as F

CAUGHT_BY = "asks for it by hand"


def mse(preds, targets):
    return F.mse_loss(preds, targets)
