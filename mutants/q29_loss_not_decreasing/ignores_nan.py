"""Only compares the last loss with the first: `nan > x` is False, so a history ending in nan looks fine."""

CAUGHT_BY = "always False"


def adjust_learning_rate(losses, lr):
    if losses[-1] > losses[0]:
        return lr / 10
    if losses[0] - losses[-1] < 0.01 * losses[0]:
        return lr * 10
    return lr
