"""torch.Tensor(rows) (the class, capital T): float32 from any input; shares a float32 array's memory (a note)."""

import torch


def to_tensor(rows):
    return torch.Tensor(rows)
