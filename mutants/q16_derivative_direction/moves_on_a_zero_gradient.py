"""Treats a zero gradient as negative (`if grad > 0: ... else: ...`), moving a weight that has no downhill."""

CAUGHT_BY = "A zero slope gives no direction"


def nudge_weight(w, grad, i, j, step):
    new = w.detach().clone()
    if grad[i, j] > 0:
        new[i, j] -= step
    else:
        new[i, j] += step
    return new
