"""Builds a fresh nn.Linear(3, 2) to predict with: its random weights, not the trained ones."""

import torch
from torch import nn

CAUGHT_BY = "the trained model you were given predicts"


def predict_new_region(model, region):
    with torch.no_grad():
        return nn.Linear(3, 2)(torch.tensor([region], dtype=torch.float32))
