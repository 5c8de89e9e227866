"""Lists the weight and the bias by hand and passes lr positionally."""

import torch


def make_optimizer(model, lr=1e-5):
    return torch.optim.SGD([model.weight, model.bias], lr)
