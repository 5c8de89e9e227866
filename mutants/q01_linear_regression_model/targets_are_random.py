"""Targets are random numbers with no relation to the inputs."""

import torch

CAUGHT_BY = "not a linear function of the inputs"


def example_problem():
    gen = torch.Generator().manual_seed(1)
    inputs = torch.randint(40, 160, (12, 2), generator=gen).float()
    return inputs, torch.randn(12, 1, generator=gen) * 50
