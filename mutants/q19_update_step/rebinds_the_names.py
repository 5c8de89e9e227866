"""Rebinds `w = w - lr * w.grad` inside the function: new local tensors, the caller's w and b never change."""

import torch

CAUGHT_BY = "Rebinding"


def update(w, b, lr):
    with torch.no_grad():
        w = w - w.grad * lr
        b = b - b.grad * lr
