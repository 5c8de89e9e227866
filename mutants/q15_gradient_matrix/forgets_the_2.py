"""Divides by eps instead of 2·eps although the two losses are 2·eps apart: twice the slope."""

import torch

CAUGHT_BY = "divide by 2·eps"


def slope_by_finite_difference(loss_fn, w, i, j, eps=1e-3):
    base = w.detach().double()
    nudge = torch.zeros_like(base)
    nudge[i, j] = eps
    return ((loss_fn(base + nudge) - loss_fn(base - nudge)) / eps).item()
