"""Returns (bias, weight), the wrong way round."""

CAUGHT_BY = "Did you swap them?"


def weights_and_biases(model):
    return model.bias, model.weight
