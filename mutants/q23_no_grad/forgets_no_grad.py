"""Computes the predictions without torch.no_grad(): they stay attached to the autograd graph."""

CAUGHT_BY = "forget `with torch.no_grad():`"


def predict_no_grad(x, w, b):
    return x @ w.t() + b
