"""Updates the weights and forgets the bias."""

import torch

CAUGHT_BY = "Did you forget to update b?"


def update(w, b, lr):
    with torch.no_grad():
        w -= w.grad * lr
