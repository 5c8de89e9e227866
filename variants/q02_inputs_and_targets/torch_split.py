"""torch.split along dim 1 with the two column counts: returns a tuple of two views."""

import torch


def split_columns(table, n_inputs):
    return torch.split(table, [n_inputs, table.shape[1] - n_inputs], dim=1)
