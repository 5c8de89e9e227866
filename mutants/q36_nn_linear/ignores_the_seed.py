"""Seeds with a fixed number instead of the seed it was given."""

import torch
from torch import nn

CAUGHT_BY = "Seed with the seed you were given"


def make_linear_model(n_inputs, n_outputs, seed):
    torch.manual_seed(42)
    return nn.Linear(n_inputs, n_outputs)
