"""Reads "1%" as a fall of less than 0.01 in absolute terms, not as a share of the first loss."""

import math

CAUGHT_BY = "depends on the size of the losses"


def adjust_learning_rate(losses, lr):
    if not all(math.isfinite(v) for v in losses) or losses[-1] > losses[0]:
        return lr / 10
    if losses[0] - losses[-1] < 0.01:
        return lr * 10
    return lr
