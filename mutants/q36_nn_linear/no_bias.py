"""Passes bias=False: the layer computes x @ w.t() with no bias at all."""

import torch
from torch import nn

CAUGHT_BY = "Did you pass bias=False?"


def make_linear_model(n_inputs, n_outputs, seed):
    torch.manual_seed(seed)
    return nn.Linear(n_inputs, n_outputs, bias=False)
