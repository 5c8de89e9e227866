"""The lesson's rule as written: positive derivative, decrease the weight; negative, increase it.

The lesson's rule: a positive derivative says decrease the weight slightly, a negative one says increase
it (applied under torch.no_grad() to a copy, since the kata returns a new tensor and leaves w as it is)."""

import torch


def nudge_weight(w, grad, i, j, step):
    new = w.detach().clone()
    with torch.no_grad():
        if grad[i, j] > 0:
            new[i, j] -= step
        elif grad[i, j] < 0:
            new[i, j] += step
    return new
