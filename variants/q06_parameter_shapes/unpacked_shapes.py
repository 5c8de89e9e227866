"""Unpacks both shapes and returns lists rather than tuples."""


def parameter_shapes(inputs, targets):
    _, n_inputs = inputs.shape
    _, n_targets = targets.shape
    return [n_targets, n_inputs], [n_targets]
