"""Moves by step × gradient (the update rule of q19) instead of by step in the gradient's direction."""

CAUGHT_BY = "It moved by step × gradient"


def nudge_weight(w, grad, i, j, step):
    new = w.detach().clone()
    new[i, j] -= step * grad[i, j]
    return new
