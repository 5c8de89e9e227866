"""No shape check: targets (N,) against predictions (N, 1) silently become an N×N difference."""

CAUGHT_BY = "silently broadcasts"


def mse(preds, targets):
    return ((preds - targets) ** 2).mean()
