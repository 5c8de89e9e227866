"""Calls `.grad.zero_()` without checking for None: crashes when no backward() has run yet."""

CAUGHT_BY = "no backward() has filled it yet"


def reset_gradients(params):
    for p in params:
        p.grad.zero_()
