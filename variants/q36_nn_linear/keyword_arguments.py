"""nn.Linear with keyword arguments."""

import torch
from torch import nn


def make_linear_model(n_inputs, n_outputs, seed):
    torch.manual_seed(seed)
    return nn.Linear(in_features=n_inputs, out_features=n_outputs)
