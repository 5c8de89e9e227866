"""Draws b before w from the seeded generator, so the numbers differ from the agreed order."""

import torch

CAUGHT_BY = "you drew b before w"


def init_params(n_inputs, n_outputs, seed):
    gen = torch.Generator().manual_seed(seed)
    b = torch.randn(n_outputs, generator=gen, requires_grad=True)
    return torch.randn(n_outputs, n_inputs, generator=gen, requires_grad=True), b
