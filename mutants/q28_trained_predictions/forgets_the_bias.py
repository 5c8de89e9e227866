"""Predicts with x @ w.t() only, leaving out the trained bias."""

import torch

CAUGHT_BY = "without the bias"


def predictions_as_numpy(x, w, b):
    with torch.no_grad():
        return (x @ w.t()).numpy()
