"""Collects the tensors of model.named_parameters() in a list comprehension."""


def parameter_list(model):
    return [param for _name, param in model.named_parameters()]
