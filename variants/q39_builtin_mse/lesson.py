"""The lesson's `loss_fn = F.mse_loss`, then loss_fn(preds, targets).

The lesson's code: `loss_fn = F.mse_loss`, then `loss = loss_fn(model(inputs), targets)`, on the kata's arguments."""

import torch.nn.functional as F


def builtin_mse(preds, targets):
    loss_fn = F.mse_loss
    loss = loss_fn(preds, targets)
    return loss
