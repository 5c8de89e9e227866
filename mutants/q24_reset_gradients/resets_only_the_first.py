"""Resets only the first parameter's gradient (`params[0].grad.zero_()`): b keeps accumulating."""

CAUGHT_BY = "but left b.grad as it was"


def reset_gradients(params):
    if params[0].grad is not None:
        params[0].grad.zero_()
