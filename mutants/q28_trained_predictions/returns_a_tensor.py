"""Returns the predictions tensor without converting it to numpy."""

import torch

CAUGHT_BY = "expected a numpy array"


def predictions_as_numpy(x, w, b):
    with torch.no_grad():
        return x @ w.t() + b
