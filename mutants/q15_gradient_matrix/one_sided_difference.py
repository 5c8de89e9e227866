"""Uses a one-sided difference (loss(w + eps) - loss(w)) / eps, which is off by half the curvature times eps."""

import torch

CAUGHT_BY = "one-sided difference"


def slope_by_finite_difference(loss_fn, w, i, j, eps=1e-3):
    base = w.detach().double()
    nudge = torch.zeros_like(base)
    nudge[i, j] = eps
    return ((loss_fn(base + nudge) - loss_fn(base)) / eps).item()
