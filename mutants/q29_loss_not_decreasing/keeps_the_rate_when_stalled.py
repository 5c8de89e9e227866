"""Knows only divergence (the kata's old rule): a run that stalled keeps its learning rate."""

import math

CAUGHT_BY = "A stalled run gets lr * 10"


def adjust_learning_rate(losses, lr):
    if not all(math.isfinite(v) for v in losses) or losses[-1] > losses[0]:
        return lr / 10
    return lr
