"""Multiplies after requires_grad=True: w and b are results of an operation, not leaves, so .grad stays None."""

import torch

CAUGHT_BY = "not a leaf"


def init_params(n_inputs, n_outputs, seed):
    gen = torch.Generator().manual_seed(seed)
    w = torch.randn(n_outputs, n_inputs, generator=gen, requires_grad=True) * 1
    b = torch.randn(n_outputs, generator=gen, requires_grad=True) * 1
    return w, b
