"""Converts the predictions to a numpy array with .numpy(): the kata asks for a tensor."""

import torch

CAUGHT_BY = "Keep the predictions a tensor"


def predict_no_grad(x, w, b):
    with torch.no_grad():
        return (x @ w.t() + b).numpy()
