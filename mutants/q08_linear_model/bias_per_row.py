"""Adds b as a column (b.unsqueeze(1)): bias i goes to sample i instead of target i (runs only when N == m)."""

CAUGHT_BY = "The bias went in per row"


def model(x, w, b):
    return x @ w.t() + b.unsqueeze(1)
