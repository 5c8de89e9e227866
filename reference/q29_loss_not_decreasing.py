"""q29 · When the loss does not decrease.

A loss that grows, or turns into inf or nan, almost always means the learning rate is too high:
every step overshoots. The cure is a smaller learning rate, and a fresh model, since a diverged
one does not recover. A loss that barely moves means the opposite: the steps are too small, and a
larger learning rate (or more epochs) helps. This kata is that diagnosis, as a rule you can apply
to a loss history.
"""

import math  # noqa: F401 - math.isfinite tells inf and nan apart from real numbers


def adjust_learning_rate(losses: list[float], lr: float) -> float:
    """The learning rate to try next, judged from one run's loss history.

    The rule has three cases, checked in this order:
        - diverging: a loss is not finite (inf or nan), or the last loss is above the first:
          return lr / 10;
        - stalled: otherwise, if the loss fell by less than 1% of the first loss over the run
          (from the first loss to the last), or not at all: return lr * 10;
        - falling well: otherwise, return lr unchanged.

    Args:
        losses: the loss of each epoch, in order, as Python floats (at least one).
        lr: the learning rate that run used.

    Returns:
        The learning rate for the next run, a Python float.

    Example:
        >>> adjust_learning_rate([120.0, 4.1e9, float("inf")], 5e-4)   # diverging
        5e-05
        >>> adjust_learning_rate([120.0, 119.9, 119.8], 1e-9)           # stalled: fell by 0.17%
        1e-08
        >>> adjust_learning_rate([120.0, 80.0, 61.5], 1e-5)             # falling well
        1e-05
    """
    first, last = losses[0], losses[-1]
    if not all(math.isfinite(loss) for loss in losses) or last > first:  # nan > x is False: test for it explicitly
        return lr / 10  # diverging: the steps overshoot
    if first - last < 0.01 * first:
        return lr * 10  # stalled: the steps are too small
    return lr
