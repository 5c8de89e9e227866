"""Resets a copy of each gradient (`g = p.grad.clone(); g.zero_()`): the real .grad is untouched."""

CAUGHT_BY = "nothing was reset"


def reset_gradients(params):
    for p in params:
        if p.grad is not None:
            g = p.grad.clone()
            g.zero_()
