"""The lesson's `nn.Linear(3, 2)` with the kata's sizes, after torch.manual_seed.

The lesson's code, `model = nn.Linear(3, 2)`, with the kata's sizes; the seed goes to torch.manual_seed just
before, as the kata's signature asks."""

import torch
import torch.nn as nn


def make_linear_model(n_inputs, n_outputs, seed):
    torch.manual_seed(seed)
    model = nn.Linear(n_inputs, n_outputs)
    return model
