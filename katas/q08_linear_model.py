"""q08 · The model as matrix operations.

For one sample, each target is a weighted sum of the inputs plus a bias. For a whole batch, one
matrix product computes every weighted sum at once: each row of x (a sample) meets each row of w
(the weights of one target). Then each target's bias is added to its column of predictions.
"""

import torch


def model(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The linear model's predictions for a batch of samples.

    Prediction [n, j] is the weighted sum of sample n's inputs, weighted by row j of w (target j's
    weights), plus b[j], target j's bias.

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
