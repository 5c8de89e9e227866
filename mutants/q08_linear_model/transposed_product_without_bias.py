"""Computes (w @ x.t()).t(), the right product written the other way round, but drops the bias."""

CAUGHT_BY = "forget to add the bias"


def model(x, w, b):
    return (w @ x.t()).t()
