"""q16 · Using a derivative to lower the loss.

The derivative of the loss with respect to one weight is the slope of the loss in that weight. Its
sign tells you which way is downhill: a positive slope means the loss grows as the weight grows, so
a slightly smaller weight gives a lower loss; a negative slope means a slightly larger one does.
"""

import torch


def nudge_weight(w: torch.Tensor, grad: torch.Tensor, i: int, j: int, step: float) -> torch.Tensor:
    """A new tensor equal to w, except w[i, j] moved by step against the sign of grad[i, j].

    The move is exactly step, whatever the size of grad[i, j]: only its sign counts. A zero gradient gives
    no direction, so then nothing moves.

    Args:
        w: the weights, shape (rows, cols), float32 (may require grad); it must not change.
        grad: d(loss)/dw, the same shape as w, float32.
        i: the row of the weight to move.
        j: the column of the weight to move.
        step: how far to move it, a small positive number.

    Returns:
        A new tensor shaped like w, float32, outside the autograd graph (requires_grad=False).

    Example:
        >>> nudge_weight(torch.ones(2, 3), torch.tensor([[5., 0., 0.], [0., 0., 0.]]), 0, 0, 0.1)
        tensor([[0.9000, 1.0000, 1.0000],
                [1.0000, 1.0000, 1.0000]])
    """
    # TODO(q16): copy w without its graph; which way is downhill when grad[i, j] is positive? negative? zero?
    raise NotImplementedError("q16: nudge_weight is not written yet")
