"""Starts from zeros instead of random numbers."""

import torch

CAUGHT_BY = "Start from random numbers"


def init_params(n_inputs, n_outputs, seed):
    return torch.zeros(n_outputs, n_inputs, requires_grad=True), torch.zeros(n_outputs, requires_grad=True)
