"""Moves w[i, j] in place (under no_grad) and returns w itself: the caller's weights change."""

import torch

CAUGHT_BY = "changed its input `w`"


def nudge_weight(w, grad, i, j, step):
    with torch.no_grad():
        w[i, j] -= step * torch.sign(grad[i, j])
    return w.detach()
