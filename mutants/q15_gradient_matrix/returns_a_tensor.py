"""Returns the one-element tensor instead of a Python float."""

import torch

CAUGHT_BY = "expected a Python float"


def slope_by_finite_difference(loss_fn, w, i, j, eps=1e-3):
    base = w.detach().double()
    nudge = torch.zeros_like(base)
    nudge[i, j] = eps
    return (loss_fn(base + nudge) - loss_fn(base - nudge)) / (2 * eps)
