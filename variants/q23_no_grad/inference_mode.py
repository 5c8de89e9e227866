"""torch.inference_mode() is a stricter no_grad: its results carry no graph either."""

import torch


def predict_no_grad(x, w, b):
    with torch.inference_mode():
        return torch.matmul(x, w.T) + b
