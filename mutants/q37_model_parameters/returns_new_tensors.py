"""Rebuilds the tensors from their values with torch.tensor(...tolist()): plain copies without gradients."""

import torch

CAUGHT_BY = "Did you return a copy"


def weights_and_biases(model):
    return torch.tensor(model.weight.tolist()), torch.tensor(model.bias.tolist())
