"""q27 · Training for many epochs.

One gradient descent step lowers the loss only a little, because each step is small. Repeating the
step for many epochs (full passes over the training data) keeps lowering it, always from the
weights the last step left behind. This kata is that loop.
"""

import torch


def train(inputs: torch.Tensor, targets: torch.Tensor, w: torch.Tensor, b: torch.Tensor, lr: float,
          epochs: int) -> list[float]:
    """Train the model inputs @ w.t() + b with full-batch gradient descent on the MSE loss for `epochs`
    epochs: each epoch is one training step (q25) on the whole batch, from where the last one left w and b.

    Args:
        inputs: shape (N, k), float32.
        targets: shape (N, m), float32.
        w: weights, shape (m, k), float32, a leaf with requires_grad=True; trained in place.
        b: biases, shape (m,), float32, a leaf with requires_grad=True; trained in place.
        lr: the learning rate, e.g. 1e-5.
        epochs: how many epochs (here: steps) to train.

    Returns:
        The loss of each epoch, measured before that epoch's update: `epochs` Python floats.

    Afterwards:
        w and b are the very tensors you were given, still leaves with requires_grad=True, where
        `epochs` steps of gradient descent put them (each step: -lr times the gradient of that epoch's
        loss).

    Example:
        >>> losses = train(inputs, targets, w, b, lr=1e-5, epochs=100)
        >>> len(losses), losses[-1] < losses[0]
        (100, True)
    """
    losses = []
    for _ in range(epochs):
        diff = inputs @ w.t() + b - targets  # fresh predictions from this epoch's weights
        loss = torch.sum(diff * diff) / diff.numel()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return losses
