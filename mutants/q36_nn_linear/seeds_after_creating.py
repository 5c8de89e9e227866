"""Seeds after creating the layer: the seed comes too late to fix its starting weights."""

import torch
from torch import nn

CAUGHT_BY = "Seed right before creating the layer"


def make_linear_model(n_inputs, n_outputs, seed):
    model = nn.Linear(n_inputs, n_outputs)
    torch.manual_seed(seed)
    return model
