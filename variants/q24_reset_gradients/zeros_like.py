"""Replaces each existing gradient with a fresh tensor of zeros."""

import torch


def reset_gradients(params):
    for p in params:
        if p.grad is not None:
            p.grad = torch.zeros_like(p)
