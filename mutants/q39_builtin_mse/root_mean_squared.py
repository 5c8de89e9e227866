"""Takes the square root of F.mse_loss: that is RMSE, not mean squared error."""

import torch
import torch.nn.functional as F

CAUGHT_BY = "square root"


def builtin_mse(preds, targets):
    if preds.shape != targets.shape:
        raise ValueError("shapes differ")
    return torch.sqrt(F.mse_loss(preds, targets))
