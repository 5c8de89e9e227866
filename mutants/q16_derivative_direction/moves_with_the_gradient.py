"""Adds step in the direction of the gradient's sign: uphill, the loss rises."""

import torch

CAUGHT_BY = "You moved with the gradient"


def nudge_weight(w, grad, i, j, step):
    new = w.detach().clone()
    new[i, j] += step * torch.sign(grad[i, j])
    return new
