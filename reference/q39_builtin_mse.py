"""q39 · Mean squared error with the built-in.

PyTorch ships the common loss functions ready-made in torch.nn.functional (imported as F).
`F.mse_loss(preds, targets)` computes the same mean squared error you wrote by hand in q13, in one
call, with the gradient already taken care of. One trap remains: it only warns when the shapes differ.
"""

import torch
import torch.nn.functional as F


def builtin_mse(preds: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean squared error with PyTorch's built-in: F.mse_loss(preds, targets) = mean((preds - targets)²).

    Args:
        preds: model predictions, shape (N, M), float32.
        targets: actual targets, the same shape (N, M), float32.

    Returns:
        A scalar tensor, shape (), float32, that autograd can differentiate.

    Raises:
        ValueError: when the shapes differ; F.mse_loss only warns and then broadcasts (N, 1) against
            (N,) into an (N, N) comparison of every prediction with every target.

    Example:
        >>> builtin_mse(torch.tensor([[1., 2.]]), torch.tensor([[1., 4.]]))
        tensor(2.)
    """
    if preds.shape != targets.shape:
        raise ValueError(f"preds has shape {tuple(preds.shape)} but targets has {tuple(targets.shape)}")
    return F.mse_loss(preds, targets)  # the default reduction="mean" averages over every element
