"""Reads the number of variables from the rows (shape[0]), which count samples."""

CAUGHT_BY = "number of rows"


def parameter_shapes(inputs, targets):
    return (targets.shape[0], inputs.shape[0]), (targets.shape[0],)
