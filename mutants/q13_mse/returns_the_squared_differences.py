"""Returns the table of squared differences without reducing it to one number."""

CAUGHT_BY = "one value per element"


def mse(preds, targets):
    return (preds - targets) ** 2
