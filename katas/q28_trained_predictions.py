"""q28 · Predictions from a trained model.

Once training is done, the model is used just as during training: preds = x @ w.t() + b, with the
trained w and b. Only now nothing needs gradients, so the predictions are made without a graph,
and to print, plot or save them you turn them into a numpy array.
"""

import numpy as np
import torch


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
    # TODO(q28): predict without building a graph, then convert; what does .numpy() refuse to convert?
    raise NotImplementedError("q28: predictions_as_numpy is not written yet")
