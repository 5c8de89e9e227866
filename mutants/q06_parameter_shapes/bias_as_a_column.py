"""Makes the bias a (m, 1) column matrix instead of a vector with one entry per output."""

CAUGHT_BY = "not a matrix"


def parameter_shapes(inputs, targets):
    return (targets.shape[1], inputs.shape[1]), (targets.shape[1], 1)
