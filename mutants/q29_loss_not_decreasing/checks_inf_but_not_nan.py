"""Looks for inf (math.isinf) but not for nan, so a nan after a falling loss slips through."""

import math

CAUGHT_BY = "always False"


def adjust_learning_rate(losses, lr):
    if any(math.isinf(v) for v in losses) or losses[-1] > losses[0]:
        return lr / 10
    if losses[0] - losses[-1] < 0.01 * losses[0]:
        return lr * 10
    return lr
