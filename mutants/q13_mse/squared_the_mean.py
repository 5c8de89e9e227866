"""Squares the mean difference instead of averaging the squares: misses of opposite sign cancel."""

CAUGHT_BY = "must not cancel out"


def mse(preds, targets):
    return (preds - targets).mean() ** 2
