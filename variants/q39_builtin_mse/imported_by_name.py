"""Imports the function by name and passes the arguments by keyword."""

from torch.nn.functional import mse_loss


def builtin_mse(preds, targets):
    if preds.shape != targets.shape:
        raise ValueError(f"shapes differ: {tuple(preds.shape)} and {tuple(targets.shape)}")
    return mse_loss(input=preds, target=targets)
