"""Creates nn.Linear(n_outputs, n_inputs): the weight comes out (inputs, outputs) and model(x) fails."""

import torch
from torch import nn

CAUGHT_BY = "Did you swap n_inputs and n_outputs?"


def make_linear_model(n_inputs, n_outputs, seed):
    torch.manual_seed(seed)
    return nn.Linear(n_outputs, n_inputs)
