"""Draws plain tensors, then turns on gradient tracking in place with .requires_grad_()."""

import torch


def init_params(n_inputs, n_outputs, seed):
    gen = torch.Generator().manual_seed(seed)
    w = torch.randn(n_outputs, n_inputs, generator=gen).requires_grad_()
    b = torch.randn(n_outputs, generator=gen).requires_grad_()
    return w, b
