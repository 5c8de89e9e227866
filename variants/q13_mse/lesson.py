"""The lesson's mse, with the kata's argument names: no shape check (a "going further" note), sum / numel."""

import torch


def mse(preds, targets):
    diff = preds - targets
    return torch.sum(diff * diff) / diff.numel()
