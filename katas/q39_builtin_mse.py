"""q39 · Mean squared error with the built-in.

PyTorch ships the common loss functions ready-made in torch.nn.functional (imported as F). One of them
computes the same mean squared error you wrote by hand in q13, in one call, with the gradient already
taken care of.
"""

import torch
import torch.nn.functional as F  # noqa: F401 (you will need it)


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
    # TODO(q39): which function of torch.nn.functional computes mean squared error?
    raise NotImplementedError("q39: builtin_mse is not written yet")
