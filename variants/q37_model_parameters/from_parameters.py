"""Unpacks model.parameters(), which lists the weight then the bias."""


def weights_and_biases(model):
    weight, bias = model.parameters()
    return weight, bias
