"""q15 · The gradient is a matrix of slopes.

The loss depends on every element of the weight matrix, so its derivative has one entry per weight:
a matrix of the same shape as w. Entry [i, j] is the slope of the loss when only w[i, j] moves a
little and every other weight stays put. You can measure that slope yourself, without autograd: nudge
w[i, j] up and down by a tiny eps and see how much the loss changes.
"""

from collections.abc import Callable

import torch


def slope_by_finite_difference(loss_fn: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, i: int, j: int,
                               eps: float = 1e-3) -> float:
    """The slope of loss_fn in w[i, j] alone: (loss(w + eps·e_ij) - loss(w - eps·e_ij)) / (2·eps).

    e_ij is a tensor of zeros with a single 1 at [i, j]. The slope must hold to about 1e-4 even on top of a
    large loss (near 10000), where float32 rounding swamps the difference of two losses: work in float64.

    Args:
        loss_fn: a function that takes a weight tensor shaped like w and returns a scalar tensor.
        w: the weights, shape (rows, cols), float32 (may require grad); it must not change.
        i: the row of the weight to nudge.
        j: the column of the weight to nudge.
        eps: how far to nudge it, each way.

    Returns:
        The slope as a Python float; it matches w.grad[i, j] after loss_fn(w).backward().

    Example:
        >>> round(slope_by_finite_difference(lambda v: (v ** 2).sum(), torch.ones(2, 3), 0, 1), 6)
        2.0
    """
    nudge = torch.zeros_like(w, dtype=torch.float64)
    nudge[i, j] = eps  # only this one weight moves; every other weight stays put
    base = w.detach().double()
    return ((loss_fn(base + nudge) - loss_fn(base - nudge)) / (2 * eps)).item()
