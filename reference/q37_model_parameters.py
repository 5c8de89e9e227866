"""q37 · The weights and biases of nn.Linear.

An nn.Linear keeps its parameters as attributes: `model.weight`, shape (out_features, in_features), and
`model.bias`, shape (out_features,). `model.parameters()` lists the same tensors, in that order. They
are the model's own tensors, not copies: change them and the model's predictions change.
"""

import torch
from torch import nn


def weights_and_biases(model: nn.Linear) -> tuple[torch.Tensor, torch.Tensor]:
    """The model's own weight and bias tensors: (model.weight, model.bias).

    Args:
        model: an nn.Linear(in_features, out_features) with a bias.

    Returns:
        (weight, bias): the weight (out_features, in_features) and the bias (out_features,), float32,
        requires_grad=True; the very tensors the model holds, so changing them changes the model.

    Example:
        >>> w, b = weights_and_biases(nn.Linear(3, 2))
        >>> w.shape, b.shape
        (torch.Size([2, 3]), torch.Size([2]))
    """
    return model.weight, model.bias  # the model's own tensors, not copies: no .clone() or .detach()
