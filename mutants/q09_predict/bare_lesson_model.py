"""The lesson's model pasted as it is, with no conversion: a list cannot take part in @, whole numbers stay int64."""

CAUGHT_BY = "holds whole numbers"


def predict(x, w, b):
    return x @ w.t() + b
