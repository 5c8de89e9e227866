"""The lesson's torch.randn(2, 3) and torch.randn(2), sized from the data, and their .shape.

The lesson's w = torch.randn(2, 3) and b = torch.randn(2), with the sizes read from the data instead of typed
in, and their .shape returned (a torch.Size is a tuple of ints)."""

import torch


def parameter_shapes(inputs, targets):
    w = torch.randn(targets.shape[1], inputs.shape[1])
    b = torch.randn(targets.shape[1])
    return w.shape, b.shape
