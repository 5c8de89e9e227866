"""Returns model.parameters() itself: a generator, used up after one pass, not a list."""

CAUGHT_BY = "returned a generator"


def parameter_list(model):
    return model.parameters()
