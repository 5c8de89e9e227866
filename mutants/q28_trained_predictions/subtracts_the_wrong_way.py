"""Compares the wrong way round, targets - preds: every error has the opposite sign."""

import torch

CAUGHT_BY = "opposite sign"


def prediction_errors(model, inputs, targets):
    with torch.no_grad():
        return targets - model(inputs)
