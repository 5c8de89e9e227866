"""Transposes the table: variables become rows and samples become columns."""

import torch

CAUGHT_BY = "transposed"


def to_tensor(rows):
    return torch.tensor(rows, dtype=torch.float32).t()
