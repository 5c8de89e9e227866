"""q37 · The weights and biases of nn.Linear.

An nn.Linear keeps its parameters as attributes: the weight, shape (out_features, in_features), and the
bias, shape (out_features,). Every nn.Module can also list all of its parameters at once, however many
layers it has; that list is what an optimizer is given. They are the model's own tensors, not copies:
change them and the model's predictions change.
"""

import torch
from torch import nn


def weights_and_biases(model: nn.Linear) -> tuple[torch.Tensor, torch.Tensor]:
    """The model's own weight and bias tensors, weight first.

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
    # TODO(q37): which two attributes of an nn.Linear hold its parameters?
    raise NotImplementedError("q37: weights_and_biases is not written yet")


def parameter_list(model: nn.Module) -> list[torch.Tensor]:
    """Every parameter tensor of `model`, in a Python list, in the order PyTorch registered them.

    Args:
        model: any nn.Module: the lesson's nn.Linear(3, 2), or a model of several layers.

    Returns:
        A list of the model's own parameter tensors (not copies, requires_grad=True): for nn.Linear(3, 2),
        its weight (2, 3) then its bias (2,); for several layers, each layer's weight then bias, in order.

    Example:
        >>> [tuple(p.shape) for p in parameter_list(nn.Linear(3, 2))]
        [(2, 3), (2,)]
    """
    # TODO(q37): which method of every nn.Module hands out all of its parameters?
    raise NotImplementedError("q37: parameter_list is not written yet")
