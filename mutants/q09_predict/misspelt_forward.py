"""Wraps the model in its own nn.Module subclass and misspells forward as `foward`: calling the model finds
no forward, and torch raises NotImplementedError (which must not read as "not started")."""

import torch
from torch import nn

CAUGHT_BY = "nn.Module subclass Model has no forward (is it misspelt? you defined `foward`)"


class Model(nn.Module):
    def __init__(self, w, b):
        super().__init__()
        self.w, self.b = w, b

    def foward(self, x):
        return x @ self.w.t() + self.b


def predict(x, w, b):
    return Model(w, b)(torch.as_tensor(x, dtype=torch.float32))
