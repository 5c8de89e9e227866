"""Gives w the shape (n_inputs, n_outputs)."""

import torch

CAUGHT_BY = "swapped"


def init_params(n_inputs, n_outputs, seed):
    gen = torch.Generator().manual_seed(seed)
    w = torch.randn(n_inputs, n_outputs, generator=gen, requires_grad=True)
    return w, torch.randn(n_outputs, generator=gen, requires_grad=True)
