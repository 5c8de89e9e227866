"""The lesson's preds = model(inputs), then .detach().numpy() as PyTorch's error message advises.

The lesson's own steps: `preds = model(inputs)` (here x @ w.t() + b, the lesson's first model), compared
with the targets, and `model(torch.tensor([[75, 63, 44.]]))` for a new region; the numpy conversion as
PyTorch's own error message advises (.detach().numpy())."""

import torch


def predictions_as_numpy(x, w, b):
    def model(x):
        return x @ w.t() + b

    preds = model(x)
    return preds.detach().numpy()


def predict_new_region(model, region):
    return model(torch.tensor([region]))


def prediction_errors(model, inputs, targets):
    preds = model(inputs)
    return preds - targets
