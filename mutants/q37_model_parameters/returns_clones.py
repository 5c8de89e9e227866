"""Returns .clone()s: they look the same, but the model never sees a change made to them."""

CAUGHT_BY = "Did you return a copy"


def weights_and_biases(model):
    return model.weight.clone(), model.bias.clone()
