"""Nudges w[j, i] instead of w[i, j]: the slope of the wrong weight (or an IndexError)."""

import torch

CAUGHT_BY = "Did you swap i and j?"


def slope_by_finite_difference(loss_fn, w, i, j, eps=1e-3):
    base = w.detach().double()
    nudge = torch.zeros_like(base)
    nudge[j, i] = eps
    return ((loss_fn(base + nudge) - loss_fn(base - nudge)) / (2 * eps)).item()
