"""Writes the table as whole numbers without a dtype, so the tensors hold int64."""

import torch

CAUGHT_BY = "whole numbers"


def example_problem():
    rows = [[50, 2], [80, 3], [65, 2], [120, 4], [95, 3], [140, 5], [45, 1], [100, 4], [70, 3], [150, 5]]
    inputs = torch.tensor(rows)
    return inputs, (inputs[:, :1] * 3 + inputs[:, 1:] * 10 + 20)
