"""Returns weight.t(), shape (in, out), as if the model stored it the way x @ w multiplies."""

CAUGHT_BY = "Did you transpose the weight?"


def weights_and_biases(model):
    return model.weight.t(), model.bias
