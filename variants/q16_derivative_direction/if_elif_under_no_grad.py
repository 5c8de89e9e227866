"""Branches on the sign with if/elif and copies under torch.no_grad()."""

import torch


def nudge_weight(w, grad, i, j, step):
    with torch.no_grad():
        new = w.clone()
    if grad[i, j] > 0:
        new[i, j] -= step
    elif grad[i, j] < 0:
        new[i, j] += step
    return new
