"""Draws the right numbers but forgets requires_grad=True: backward() never fills w.grad or b.grad."""

import torch

CAUGHT_BY = "Forgot requires_grad=True"


def init_params(n_inputs, n_outputs, seed):
    gen = torch.Generator().manual_seed(seed)
    return torch.randn(n_outputs, n_inputs, generator=gen), torch.randn(n_outputs, generator=gen)
