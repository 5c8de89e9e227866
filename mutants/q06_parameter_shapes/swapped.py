"""Gives w the shape (inputs, outputs) instead of (outputs, inputs)."""

CAUGHT_BY = "swapped"


def parameter_shapes(inputs, targets):
    return (inputs.shape[1], targets.shape[1]), (targets.shape[1],)
