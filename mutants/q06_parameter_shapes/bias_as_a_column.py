"""Makes the bias a (m, 1) column matrix instead of a vector with one entry per output."""

CAUGHT_BY = "one entry per output"


def parameter_shapes(inputs, targets):
    return (targets.shape[1], inputs.shape[1]), (targets.shape[1], 1)
