"""Calls .numpy() on predictions that still require grad (MISTAKE 13): PyTorch refuses."""

CAUGHT_BY = "part of the graph"


def predictions_as_numpy(x, w, b):
    return (x @ w.t() + b).numpy()
