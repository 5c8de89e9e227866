"""F.linear computes exactly x @ w.t() + b."""

import torch.nn.functional as F


def model(x, w, b):
    return F.linear(x, w, b)
