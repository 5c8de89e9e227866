"""q19 · One update of the weights and biases.

After loss.backward(), w.grad and b.grad point uphill: the direction in which the loss grows
fastest. Subtracting a small multiple of them (the learning rate times the gradient) moves every
weight and bias a little downhill. The change happens in place, inside `with torch.no_grad():`, so
that PyTorch does not record the update itself as part of the model's graph.
"""

import torch


def update(w: torch.Tensor, b: torch.Tensor, lr: float) -> None:
    """One gradient descent step, in place: w ← w - lr·w.grad and b ← b - lr·b.grad.

    The step reads the gradients and does not change them; resetting them is the caller's job (q24), though
    a reset right after the step, as in the lesson's loop, is accepted too.

    Args:
        w: weights, float32, a leaf with requires_grad=True whose .grad holds d(loss)/dw (same shape).
        b: biases, float32, a leaf with requires_grad=True whose .grad holds d(loss)/db (same shape).
        lr: the learning rate, a small positive number such as 1e-5.

    Returns:
        None. w and b themselves change, and stay leaf tensors that require grad.

    Example:
        >>> w, b = torch.ones(2, 3, requires_grad=True), torch.ones(2, requires_grad=True)
        >>> (w.sum() + b.sum()).backward()  # every gradient is 1
        >>> update(w, b, 0.5)
        >>> w[0, 0].item(), b[0].item()
        (0.5, 0.5)
    """
    with torch.no_grad():  # the update is not part of the model: change w and b without recording a graph
        w -= w.grad * lr
        b -= b.grad * lr
