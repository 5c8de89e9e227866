"""Scales each gradient by 0.5 instead of zeroing it: half of the old gradient leaks into the next step."""

CAUGHT_BY = "not fully cleared"


def reset_gradients(params):
    for p in params:
        if p.grad is not None:
            p.grad *= 0.5
