"""Never seeds: every call starts from different random weights."""

from torch import nn

CAUGHT_BY = "Did you forget to seed?"


def make_linear_model(n_inputs, n_outputs, seed):
    return nn.Linear(n_inputs, n_outputs)
