"""Takes the square root of the mean squared error: the root mean squared error (RMSE)."""

CAUGHT_BY = "square root of the mean squared error"


def mse(preds, targets):
    return ((preds - targets) ** 2).mean().sqrt()
