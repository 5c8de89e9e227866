"""Uses w.detach() without .clone(): the detached tensor shares w's memory, so w changes too."""

import torch

CAUGHT_BY = "changed its input `w`"


def nudge_weight(w, grad, i, j, step):
    new = w.detach()
    new[i, j] -= step * torch.sign(grad[i, j])
    return new
