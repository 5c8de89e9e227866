"""Returns a number built with .item(): the loss no longer carries gradients back to the predictions."""

import torch

CAUGHT_BY = "requires_grad=False"


def mse(preds, targets):
    return torch.tensor(((preds - targets) ** 2).mean().item())
