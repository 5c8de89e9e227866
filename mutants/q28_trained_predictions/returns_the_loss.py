"""Returns the mean squared error (F.mse_loss) instead of the error of each prediction."""

import torch
import torch.nn.functional as F

CAUGHT_BY = "That is the mean squared error"


def prediction_errors(model, inputs, targets):
    with torch.no_grad():
        return F.mse_loss(model(inputs), targets)
