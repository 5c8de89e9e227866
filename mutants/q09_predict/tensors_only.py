"""Converts with x.float(), which works for tensors but not for Python lists."""

CAUGHT_BY = "A Python list is not a tensor"


def predict(x, w, b):
    return x.float() @ w.t() + b
