"""Targets are the square of the input: a curve, not a weighted sum plus a bias."""

import torch

CAUGHT_BY = "not a linear function of the inputs"


def example_problem():
    x = torch.linspace(-4, 4, 12).unsqueeze(1)
    return x, x**2
