"""q25 · The steps of one training step.

Training is one step repeated: predict, measure the loss, let backward() find the gradients,
move every parameter a little against its gradient, and reset the gradients for the next step.
This kata is that step, written once, for the lesson's model preds = inputs @ w.t() + b.
"""

import torch


def train_step(inputs: torch.Tensor, targets: torch.Tensor, w: torch.Tensor, b: torch.Tensor,
               lr: float) -> float:
    """One gradient descent step on the whole batch; w and b are updated in place.

    1. preds = inputs @ w.t() + b   2. loss = mean((preds - targets)²)   3. loss.backward()
    4. under torch.no_grad(): w -= lr * w.grad, b -= lr * b.grad   5. reset w.grad and b.grad

    Args:
        inputs: shape (N, k), float32.
        targets: shape (N, m), float32.
        w: weights, shape (m, k), float32, a leaf with requires_grad=True; updated in place.
        b: biases, shape (m,), float32, a leaf with requires_grad=True; updated in place.
        lr: the learning rate, e.g. 1e-5.

    Returns:
        The loss before the update, as a Python float (not a tensor).

    Example:
        >>> before = train_step(inputs, targets, w, b, 1e-5)
        >>> after = train_step(inputs, targets, w, b, 1e-5)
        >>> after < before
        True
    """
    # TODO(q25): the five steps above, in order; which of them must happen under torch.no_grad()?
    raise NotImplementedError("q25: train_step is not written yet")
