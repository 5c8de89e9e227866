"""q28 · Predictions from a trained model.

Once training is done, the model is used just as during training: preds = x @ w.t() + b, with the
trained w and b, or model(x) for a trained nn.Linear. Only now nothing needs gradients, so the
predictions are made without a graph, and to print, plot or save them you turn them into a numpy
array. Comparing them with the targets shows how far off the model still is; and a region the model
has never seen gets its prediction the same way, as a batch of one row.
"""

import numpy as np
import torch
from torch import nn


def predictions_as_numpy(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> np.ndarray:
    """The trained model's predictions x @ w.t() + b, as a float32 numpy array.

    Args:
        x: inputs, shape (N, k), float32 (for example new samples, or the training inputs).
        w: trained weights, shape (m, k), float32, requires_grad=True.
        b: trained biases, shape (m,), float32, requires_grad=True.

    Returns:
        A numpy.ndarray of shape (N, m), dtype float32. w and b are left as they were.

    Example:
        >>> predictions_as_numpy(torch.ones(1, 3), torch.ones(2, 3, requires_grad=True), torch.zeros(2, requires_grad=True))
        array([[3., 3.]], dtype=float32)
    """
    with torch.no_grad():  # no graph, so .numpy() can share the result's memory
        preds = x @ w.t() + b
    return preds.numpy()


def predict_new_region(model: nn.Linear, region: list[float]) -> torch.Tensor:
    """The trained model's predicted yield for one new region.

    Args:
        model: a trained nn.Linear(3, 2).
        region: the new region's [temperature, rainfall, humidity], as Python numbers, e.g. [75, 63, 44.0].

    Returns:
        The predicted [[apples, oranges]]: a float32 tensor of shape (1, 2), one row as for a batch of
        one sample. The model is left as it was.

    Example:
        >>> predict_new_region(nn.Linear(3, 2), [75, 63, 44.0]).shape
        torch.Size([1, 2])
    """
    x = torch.tensor([region], dtype=torch.float32)  # a batch of one row; float32 even if every number is whole
    with torch.no_grad():
        return model(x)


def prediction_errors(model: nn.Linear, inputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """How far the trained model's predictions are from the targets, sample by sample: preds - targets.

    Args:
        model: a trained nn.Linear(k, m).
        inputs: shape (N, k), float32.
        targets: shape (N, m), float32.

    Returns:
        preds - targets, a float32 tensor of shape (N, m): positive where the model predicts too much,
        negative where it predicts too little. The model is left as it was.

    Example:
        >>> errors = prediction_errors(model, inputs, targets)
        >>> errors.shape, errors[0]   # e.g. the first region: 1.2 apples too many, 0.8 oranges too few
        (torch.Size([15, 2]), tensor([ 1.2000, -0.8000]))
    """
    with torch.no_grad():
        return model(inputs) - targets
