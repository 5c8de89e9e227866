"""Averages the absolute differences (mean absolute error), never squares them."""

CAUGHT_BY = "forget to square"


def mse(preds, targets):
    return (preds - targets).abs().mean()
