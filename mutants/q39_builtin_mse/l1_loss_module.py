"""Uses the module nn.L1Loss() instead of F.mse_loss: the mean of the absolute differences."""

from torch import nn

CAUGHT_BY = "the mean absolute error"


def builtin_mse(preds, targets):
    return nn.L1Loss()(preds, targets)
