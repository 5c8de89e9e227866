"""Writes mean squared error by hand again, without the built-in the kata asks for."""

CAUGHT_BY = "never called F.mse_loss"


def builtin_mse(preds, targets):
    if preds.shape != targets.shape:
        raise ValueError("shapes differ")
    return ((preds - targets) ** 2).mean()
