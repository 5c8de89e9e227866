"""q25 · The steps of one training step.

Training is one step repeated: predict, measure the loss, let backward() find the gradients,
move every parameter a little against its gradient, and reset the gradients for the next step.
This kata is that step, written once, for the lesson's model preds = inputs @ w.t() + b.
"""

import torch


def train_step(inputs: torch.Tensor, targets: torch.Tensor, w: torch.Tensor, b: torch.Tensor,
               lr: float) -> float:
    """One gradient descent step on the whole batch, for the model inputs @ w.t() + b and the MSE loss.

    Args:
        inputs: shape (N, k), float32.
        targets: shape (N, m), float32.
        w: weights, shape (m, k), float32, a leaf with requires_grad=True; updated in place.
        b: biases, shape (m,), float32, a leaf with requires_grad=True; updated in place.
        lr: the learning rate, e.g. 1e-5.

    Returns:
        The loss before the update: the mean squared error of the predictions made with w and b as
        they were on entry, as a Python float (not a tensor).

    Afterwards:
        - w and b are the very tensors you were given, still leaves with requires_grad=True, each
          moved by exactly -lr times the gradient of that loss with respect to it;
        - w.grad and b.grad hold no gradient (zeros, or None), so the next step starts clean.

    Example:
        >>> before = train_step(inputs, targets, w, b, 1e-5)
        >>> after = train_step(inputs, targets, w, b, 1e-5)
        >>> after < before
        True
    """
    diff = inputs @ w.t() + b - targets
    loss = torch.sum(diff * diff) / diff.numel()
    loss.backward()
    with torch.no_grad():  # in place on the same leaf tensors, outside the graph
        w -= lr * w.grad
        b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return loss.item()
