"""q43 · Creating an optimizer.

An optimizer from torch.optim does the update step for you. It is given the tensors it may change (for
a model: every one of its parameters, the weight and the bias) and a learning rate; afterwards each
`opt.step()` moves every one of them by -lr · its gradient, and `opt.zero_grad()` resets the gradients.
"""

import torch


def make_optimizer(model: torch.nn.Module, lr: float = 1e-5) -> torch.optim.SGD:
    """A stochastic gradient descent optimizer that trains every parameter of `model` with learning rate lr.

    Args:
        model: the model to train, for example nn.Linear(3, 2) (weight (2, 3) and bias (2,), float32).
        lr: the learning rate, the size of each step (a float; the lesson uses 1e-5).

    Returns:
        A torch.optim.SGD that holds all of the model's own parameters (not copies) and this learning rate:
        each opt.step() moves every parameter p by -lr · p.grad.

    Example:
        >>> opt = make_optimizer(torch.nn.Linear(3, 2), lr=1e-5)
        >>> opt.param_groups[0]["lr"]
        1e-05
    """
    return torch.optim.SGD(model.parameters(), lr=lr)  # every parameter: the bias must learn too
