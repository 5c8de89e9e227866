"""Uses `>=` for the ends: a loss that stayed exactly flat counts as diverging, not as stalled."""

import math

CAUGHT_BY = "A flat loss has not diverged"


def adjust_learning_rate(losses, lr):
    if not all(math.isfinite(v) for v in losses) or losses[-1] >= losses[0]:
        return lr / 10
    if losses[0] - losses[-1] < 0.01 * losses[0]:
        return lr * 10
    return lr
