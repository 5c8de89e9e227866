"""Compares the ends the wrong way round (`losses[0] > losses[-1]`): divides for a healthy run, raises a growing one."""

import math

CAUGHT_BY = "wrong way round"


def adjust_learning_rate(losses, lr):
    if not all(math.isfinite(v) for v in losses) or losses[0] > losses[-1]:
        return lr / 10
    if losses[0] - losses[-1] < 0.01 * losses[0]:
        return lr * 10
    return lr
