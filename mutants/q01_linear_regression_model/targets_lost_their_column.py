"""Returns the targets as a 1-D tensor of shape (N,) instead of a (N, 1) table."""

import torch

CAUGHT_BY = "lost its column"


def example_problem():
    gen = torch.Generator().manual_seed(0)
    inputs = torch.randint(40, 160, (12, 2), generator=gen).float()
    return inputs, inputs @ torch.tensor([2.5, 10.0]) + 20
