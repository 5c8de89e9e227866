"""Returns x @ w.t() and never adds the bias."""

CAUGHT_BY = "forget to add the bias"


def model(x, w, b):
    return x @ w.t()
