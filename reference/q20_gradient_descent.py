"""q20 · The gradient descent algorithm.

Gradient descent looks for a low value of a function by repeating one small move: compute the
value, let autograd find the gradient (the direction in which the value grows fastest), and step a
little the opposite way, like walking downhill in a fog by feeling the slope under your feet. With a
small enough learning rate each step lowers the value; too large a step overshoots, and the value
rises instead (q22 shows it).
"""

from collections.abc import Callable

import torch


def gradient_descent(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, lr: float,
                     steps: int) -> list[float]:
    """Take `steps` plain gradient steps on x, in place: x ← x - lr·∇f(x), resetting x.grad each time.

    Args:
        f: a function of x that returns a scalar tensor, for example a loss.
        x: the tensor to change, float32, a leaf with requires_grad=True and no .grad yet.
        lr: the learning rate, a small positive number (too large, and f rises instead of falling).
        steps: how many steps to take.

    Returns:
        The values f(x) as Python floats, one per step, each taken before that step's update.
        x itself ends at the last position, still a leaf that requires grad.

    Example:
        >>> x = torch.tensor([3.0], requires_grad=True)
        >>> gradient_descent(lambda v: (v ** 2).sum(), x, 0.25, 3)
        [9.0, 2.25, 0.5625]
        >>> x
        tensor([0.3750], requires_grad=True)
    """
    history = []
    for _ in range(steps):
        value = f(x)
        value.backward()
        history.append(value.item())
        with torch.no_grad():
            x -= lr * x.grad  # a small step against the gradient: downhill
            x.grad.zero_()
    return history
