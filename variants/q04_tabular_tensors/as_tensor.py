"""torch.as_tensor(rows, dtype=torch.float32): one call, sharing a float32 array's memory.

torch.as_tensor(rows, dtype=torch.float32): shares a float32 array's memory (a "going further" note, not a failure)."""

import torch


def to_tensor(rows):
    return torch.as_tensor(rows, dtype=torch.float32)
