"""Writes the lesson's nn.Linear(3, 2) whatever sizes it is asked for."""

import torch
from torch import nn

CAUGHT_BY = "the sizes do not follow the arguments"


def make_linear_model(n_inputs, n_outputs, seed):
    torch.manual_seed(seed)
    return nn.Linear(3, 2)
