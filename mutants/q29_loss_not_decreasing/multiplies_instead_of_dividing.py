"""Multiplies the learning rate by 10 when the run diverged, instead of dividing it."""

import math

CAUGHT_BY = "needs a smaller one"


def adjust_learning_rate(losses, lr):
    if not all(math.isfinite(v) for v in losses) or losses[-1] > losses[0]:
        return lr * 10
    if losses[0] - losses[-1] < 0.01 * losses[0]:
        return lr * 10
    return lr
