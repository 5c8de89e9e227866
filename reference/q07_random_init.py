"""q07 · Randomly initialised parameters.

Training starts from random weights and biases and improves them step by step. They must be leaf
tensors with requires_grad=True, so that backward() fills their .grad. Drawing them from a seeded
generator makes the random start reproducible.
"""

import torch


def init_params(n_inputs: int, n_outputs: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Random weights w and bias b for a linear model, reproducible from `seed`.

    Args:
        n_inputs: the number of input variables, k.
        n_outputs: the number of target variables, m.
        seed: the seed; the same seed gives the same parameters, another seed other ones.

    Returns:
        (w, b): w of shape (m, k) and b of shape (m,), float32, leaf tensors with requires_grad=True
        (so backward() fills w.grad and b.grad). Their numbers are the standard normal draws of a
        random generator seeded with `seed`: w's m·k numbers first, row by row, then b's m, so that
        everyone with the same seed starts from the same point.

    Example:
        >>> w, b = init_params(3, 2, seed=0)
        >>> w.shape, b.shape, w.requires_grad
        (torch.Size([2, 3]), torch.Size([2]), True)
    """
    gen = torch.Generator().manual_seed(seed)
    w = torch.randn(n_outputs, n_inputs, generator=gen, requires_grad=True)  # created as a leaf autograd tracks
    b = torch.randn(n_outputs, generator=gen, requires_grad=True)
    return w, b
