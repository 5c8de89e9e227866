"""Gives the bias one entry per input instead of one per output."""

CAUGHT_BY = "not one per input"


def parameter_shapes(inputs, targets):
    return (targets.shape[1], inputs.shape[1]), (inputs.shape[1],)
