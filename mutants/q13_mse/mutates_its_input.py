"""Subtracts in place (`preds -= targets`), overwriting the caller's predictions."""

CAUGHT_BY = "changed its input"


def mse(preds, targets):
    diff = preds.detach() if preds.requires_grad else preds
    diff -= targets
    return (preds - targets * 0).pow(2).mean() if preds.requires_grad else diff.pow(2).mean()
