"""Resets only the first parameter's gradient (`params[0].grad.zero_()`): b keeps accumulating."""

CAUGHT_BY = "b.grad still holds a gradient"


def reset_gradients(params):
    if params[0].grad is not None:
        params[0].grad.zero_()
