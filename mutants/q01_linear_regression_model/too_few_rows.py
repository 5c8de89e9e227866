"""Only three samples for two inputs: any weights and bias fit them perfectly, so they show no pattern."""

import torch

CAUGHT_BY = "too few samples"


def example_problem():
    inputs = torch.tensor([[50.0, 2.0], [80.0, 3.0], [120.0, 4.0]])
    return inputs, inputs @ torch.tensor([[2.5], [10.0]]) + 20
