"""Seeds a fresh generator for b: b repeats the first draws instead of continuing after w's."""

import torch

CAUGHT_BY = "a generator seeded again"


def init_params(n_inputs, n_outputs, seed):
    w = torch.randn(n_outputs, n_inputs, generator=torch.Generator().manual_seed(seed), requires_grad=True)
    b = torch.randn(n_outputs, generator=torch.Generator().manual_seed(seed), requires_grad=True)
    return w, b
