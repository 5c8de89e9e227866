"""F.linear under torch.no_grad(), the result kept in a variable first."""

import torch
import torch.nn.functional as F


def predict_no_grad(x, w, b):
    with torch.no_grad():
        preds = F.linear(x, w, b)
    return preds
