"""Returns a fresh tensor built from .item(): the loss no longer carries gradients to the predictions."""

import torch
import torch.nn.functional as F

CAUGHT_BY = "requires_grad=False"


def builtin_mse(preds, targets):
    if preds.shape != targets.shape:
        raise ValueError("shapes differ")
    return torch.tensor(F.mse_loss(preds, targets).item())
