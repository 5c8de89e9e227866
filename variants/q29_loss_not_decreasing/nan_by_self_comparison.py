"""Finds nan by `v != v` and inf by comparison with float('inf'), in a plain loop; the stall as a ratio."""


def adjust_learning_rate(losses, lr):
    for v in losses:
        if v != v or abs(v) == float("inf"):
            return lr / 10
    if losses[-1] > losses[0]:
        return lr / 10
    if losses[-1] / losses[0] > 0.99:
        return lr * 10
    return lr
