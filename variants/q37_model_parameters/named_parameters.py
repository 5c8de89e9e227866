"""Picks them out of dict(model.named_parameters())."""


def weights_and_biases(model):
    params = dict(model.named_parameters())
    return params["weight"], params["bias"]
