"""Turns off requires_grad on the parameters themselves (w.requires_grad_(False)) instead of pausing recording."""

CAUGHT_BY = "switched off"


def predict_no_grad(x, w, b):
    w.requires_grad_(False)
    b.requires_grad_(False)
    return x @ w.t() + b
