"""q39 · Mean squared error with the built-in.

PyTorch ships the common loss functions ready-made in torch.nn.functional (imported as F). One of them
computes the same mean squared error you wrote by hand in q13, in one call, with the gradient already
taken care of.
"""

import torch
import torch.nn.functional as F


def builtin_mse(preds: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean squared error, mean((preds - targets)²) over every element, by PyTorch's built-in from F.

    Args:
        preds: model predictions, shape (N, M), float32.
        targets: actual targets, the same shape (N, M), float32.

    Returns:
        A scalar tensor, shape (), float32, that autograd can differentiate.

    Going further (not required): the built-in only warns when the shapes differ, then broadcasts (N, 1)
    against (N,) into an (N, N) comparison of every prediction with every target; raising a ValueError
    then turns that silent mistake into an error.

    Example:
        >>> builtin_mse(torch.tensor([[1., 2.]]), torch.tensor([[1., 4.]]))
        tensor(2.)
    """
    if preds.shape != targets.shape:  # the built-in only warns, then broadcasts: refuse instead
        raise ValueError(f"preds has shape {tuple(preds.shape)} but targets has {tuple(targets.shape)}")
    return F.mse_loss(preds, targets)  # the default reduction="mean" averages over every element
