"""Gives the model the region as a flat vector of 3, shape (3,), not a table with one row: predictions come out (2,)."""

import torch

CAUGHT_BY = "is the input the model gets a table with one row"


def predict_region(model, region):
    return model(torch.tensor(region, dtype=torch.float32))
