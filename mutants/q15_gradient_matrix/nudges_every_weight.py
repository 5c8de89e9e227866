"""Adds eps to every weight at once: the result is the sum of all the slopes, not the slope of w[i, j]."""

CAUGHT_BY = "nudged every weight at once"


def slope_by_finite_difference(loss_fn, w, i, j, eps=1e-3):
    base = w.detach().double()
    return ((loss_fn(base + eps) - loss_fn(base - eps)) / (2 * eps)).item()
