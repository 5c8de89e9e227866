"""q09 · Generating predictions.

A prediction is the model applied to inputs: one sample of k numbers gives m predicted targets, a
batch of N samples gives an (N, m) table. New inputs often arrive as Python lists or integer
tensors, so they must become float32, the dtype of the weights, first.
"""

import torch


def predict(x, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Predictions of the linear model of q08 (for each target, the weighted sum of the inputs with
    that target's row of w, plus its bias), for one sample or for a batch.

    Args:
        x: one sample, shape (k,), or a batch, shape (N, k): a tensor of any number dtype or a
            Python list such as [[75, 63, 44]].
        w: weights, shape (m, k), float32.
        b: bias, shape (m,), float32.

    Returns:
        The predictions, float32: shape (m,) for one sample, shape (N, m) for a batch.

    Example:
        >>> predict([75, 63, 44], torch.tensor([[0.5, 0.5, 0.0]]), torch.tensor([1.0]))
        tensor([70.])
    """
    x = torch.as_tensor(x, dtype=torch.float32)  # lists and integer or float64 tensors become float32, like w
    return x @ w.t() + b
