"""Steps every weight against its own gradient's sign instead of only w[i, j]."""

import torch

CAUGHT_BY = "also changed other elements"


def nudge_weight(w, grad, i, j, step):
    return (w - step * torch.sign(grad)).detach()
