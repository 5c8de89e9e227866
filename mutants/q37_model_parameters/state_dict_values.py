"""Lists the values of model.state_dict(): the same numbers, but detached tensors, not the parameters."""

CAUGHT_BY = "share its numbers but are detached"


def parameter_list(model):
    return list(model.state_dict().values())
