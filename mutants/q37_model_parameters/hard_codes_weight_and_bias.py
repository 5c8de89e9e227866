"""Lists model.weight and model.bias by hand: right for nn.Linear, but a model of several layers has no .weight."""

CAUGHT_BY = "however many layers"


def parameter_list(model):
    return [model.weight, model.bias]
