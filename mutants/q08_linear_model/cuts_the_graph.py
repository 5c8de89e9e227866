"""Detaches the predictions, so backward() cannot reach w and b."""

CAUGHT_BY = "cut the graph"


def model(x, w, b):
    return (x @ w.t() + b).detach()
