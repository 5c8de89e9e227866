"""q08 · The model as matrix operations.

For one sample, each target is a weighted sum of the inputs plus a bias. For a whole batch, one
matrix product does every weighted sum at once: x @ w.t() pairs each row of x (a sample) with each
row of w (the weights of one target), and adding b adds each target's bias to every row.
"""

import torch


def model(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The linear model: preds = x @ wᵀ + b.

    Args:
        x: inputs, shape (N, k), float32, one row per sample.
        w: weights, shape (m, k), float32, one row per target.
        b: bias, shape (m,), float32, one entry per target.

    Returns:
        Predictions, shape (N, m), float32, still connected to w and b in the autograd graph.

    Example:
        >>> model(torch.tensor([[1., 2.]]), torch.tensor([[3., 4.]]), torch.tensor([5.]))
        tensor([[16.]])
    """
    # TODO(q08): which matrix product turns (N, k) and (m, k) into (N, m)? Then add the bias.
    raise NotImplementedError("q08: model is not written yet")
