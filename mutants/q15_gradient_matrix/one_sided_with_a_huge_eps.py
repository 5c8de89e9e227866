"""Nudges the weight up by a whole 1.0 (ignoring eps) and takes a one-sided difference: far from the slope."""

CAUGHT_BY = "by the eps you are given"


def slope_by_finite_difference(loss_fn, w, i, j, eps=1e-3):
    base = w.detach().double()
    nudged = base.clone()
    nudged[i, j] += 1.0
    return (loss_fn(nudged) - loss_fn(base)).item()
