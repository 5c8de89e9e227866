"""Computes in float64 and returns a double: the loss no longer matches the model's float32."""

CAUGHT_BY = "dtype float64"


def mse(preds, targets):
    return ((preds.double() - targets.double()) ** 2).mean()
