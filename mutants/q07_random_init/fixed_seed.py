"""Seeds the generator with a number of its own (42) instead of the given seed: every seed gives the same start."""

import torch

CAUGHT_BY = "seed of its own"


def init_params(n_inputs, n_outputs, seed):
    gen = torch.Generator().manual_seed(42)
    w = torch.randn(n_outputs, n_inputs, generator=gen, requires_grad=True)
    b = torch.randn(n_outputs, generator=gen, requires_grad=True)
    return w, b
