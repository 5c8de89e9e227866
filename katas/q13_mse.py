"""q13 · Mean squared error, by hand.

A loss function turns "how wrong are the predictions?" into one number that gradient descent can
lower. Mean squared error squares each difference (so misses in either direction count, and big
misses count more) and averages over every element.
"""

import torch


def mse(preds: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean squared error: mean((preds - targets)²) over every element.

    Args:
        preds: model predictions, shape (N, M), float32.
        targets: actual targets, the same shape (N, M), float32.

    Returns:
        A scalar tensor, shape (), float32, that autograd can differentiate back to preds.
        preds and targets are left unchanged. Built from tensor operations, not F.mse_loss.

    Going further (not required): shapes that differ are the caller's mistake, and (N, 1)
    against (N,) quietly broadcasts to an N×N difference; raising a ValueError for them
    catches it where it happens.

    Example:
        >>> mse(torch.tensor([[1., 2.]]), torch.tensor([[1., 4.]]))
        tensor(2.)
    """
    # TODO(q13): write it with tensor operations; do not call torch.nn.functional.mse_loss.
    raise NotImplementedError("q13: mse is not written yet")
