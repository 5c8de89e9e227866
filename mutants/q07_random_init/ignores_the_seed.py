"""Draws from the global generator without seeding it: every call gives a different start."""

import torch

CAUGHT_BY = "ignore the seed"


def init_params(n_inputs, n_outputs, seed):
    return torch.randn(n_outputs, n_inputs, requires_grad=True), torch.randn(n_outputs, requires_grad=True)
