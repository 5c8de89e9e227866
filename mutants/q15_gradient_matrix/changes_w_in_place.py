"""Nudges w itself in place (under no_grad) and forgets to put the weight back."""

import torch

CAUGHT_BY = "changed its input"


def slope_by_finite_difference(loss_fn, w, i, j, eps=1e-3):
    with torch.no_grad():
        w[i, j] += eps
        up = loss_fn(w.double()).item()
        w[i, j] -= 2 * eps
        down = loss_fn(w.double()).item()
    return (up - down) / (2 * eps)
