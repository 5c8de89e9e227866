"""Calls any rise between two epochs a divergence, although the rule compares only the first and the last loss."""

import math

CAUGHT_BY = "even though it rose on the way"


def adjust_learning_rate(losses, lr):
    if not all(math.isfinite(v) for v in losses) or any(b > a for a, b in zip(losses, losses[1:], strict=False)):
        return lr / 10
    if losses[0] - losses[-1] < 0.01 * losses[0]:
        return lr * 10
    return lr
