"""Returns .detach()ed tensors: they share the values but are cut off from autograd."""

CAUGHT_BY = "Did you detach it?"


def weights_and_biases(model):
    return model.weight.detach(), model.bias.detach()
