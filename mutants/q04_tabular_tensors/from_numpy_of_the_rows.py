"""torch.from_numpy(rows) with no conversion: it accepts only numpy arrays, so a Python list raises a TypeError."""

import torch

CAUGHT_BY = "takes only numpy arrays"


def to_tensor(rows):
    return torch.from_numpy(rows).float()
