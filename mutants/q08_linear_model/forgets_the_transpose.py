"""Multiplies by w instead of w.t(): fails for the crop data, silently wrong when w is square."""

CAUGHT_BY = "not transposed"


def model(x, w, b):
    return x @ w + b
