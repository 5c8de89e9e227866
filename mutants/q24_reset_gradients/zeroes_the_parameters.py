"""Zeroes the parameters themselves (`p.zero_()` under no_grad) instead of their gradients."""

import torch

CAUGHT_BY = "not the parameters"


def reset_gradients(params):
    with torch.no_grad():
        for p in params:
            p.zero_()
