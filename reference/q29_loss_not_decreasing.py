"""q29 · When the loss does not decrease.

A loss that grows, or turns into inf or nan, almost always means the learning rate is too high:
every step overshoots. The cure is a smaller learning rate, and a fresh model, since a diverged
one does not recover. This kata is that diagnosis, as a rule you can apply to a loss history.
"""

import math  # noqa: F401 - math.isfinite tells inf and nan apart from real numbers


def adjust_learning_rate(losses: list[float], lr: float) -> float:
    """The learning rate to try next, judged from one run's loss history.

    The rule: if any loss is not finite (inf or nan), or the last loss is above the first, the run
    diverged: return lr / 10. Otherwise (the loss fell, or stayed flat) return lr unchanged.

    Args:
        losses: the loss of each epoch, in order, as Python floats (at least one).
        lr: the learning rate that run used.

    Returns:
        The learning rate for the next run, a Python float.

    Example:
        >>> adjust_learning_rate([120.0, 4.1e9, float("inf")], 5e-4)
        5e-05
        >>> adjust_learning_rate([120.0, 80.0, 61.5], 1e-5)
        1e-05
    """
    diverged = not all(math.isfinite(loss) for loss in losses)  # nan > x is False: test for it explicitly
    if diverged or losses[-1] > losses[0]:
        return lr / 10
    return lr
