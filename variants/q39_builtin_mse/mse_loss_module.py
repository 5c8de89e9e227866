"""The module form: nn.MSELoss() builds a loss object that calls F.mse_loss when called."""

from torch import nn


def builtin_mse(preds, targets):
    if preds.shape != targets.shape:
        raise ValueError(f"shapes differ: {tuple(preds.shape)} and {tuple(targets.shape)}")
    return nn.MSELoss()(preds, targets)
