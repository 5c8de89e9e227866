"""Calls F.mse_loss through a default argument bound at import, where a spy on the module cannot see it."""

import torch.nn.functional as F

CAUGHT_BY = "asks for it by hand"


def mse(preds, targets, _loss=F.mse_loss):
    return _loss(preds, targets)
