"""Converts to float64 on the way out (`.double().numpy()`)."""

import torch

CAUGHT_BY = "expected float32"


def predictions_as_numpy(x, w, b):
    with torch.no_grad():
        return (x @ w.t() + b).double().numpy()
