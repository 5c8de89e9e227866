"""Calls torch.set_grad_enabled(False) and never switches it back on: autograd stays off for everything after."""

import torch

CAUGHT_BY = "for the whole program"


def predict_no_grad(x, w, b):
    torch.set_grad_enabled(False)
    return x @ w.t() + b
