"""q23 · torch.no_grad.

Autograd records every operation on tensors that require grad, so that backward() can find the
gradients. Inside `with torch.no_grad():` nothing is recorded: the results are plain tensors with
no history. That is what you want when you only need numbers, like predictions or an update step.
"""

import torch


def predict_no_grad(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The model's predictions x @ w.t() + b, computed without recording a graph.

    Args:
        x: inputs, shape (N, k), float32.
        w: weights, shape (m, k), float32, requires_grad=True.
        b: biases, shape (m,), float32, requires_grad=True.

    Returns:
        The predictions, shape (N, m), float32, with requires_grad=False and no grad_fn.
        Autograd records nothing while they are computed: no graph is built at all (building one and
        dropping it afterwards does not count). w and b stay exactly as they were: same values, same
        .grad, still requiring grad, and autograd records again once the function returns.

    Example:
        >>> predict_no_grad(torch.ones(1, 3), torch.ones(2, 3, requires_grad=True), torch.zeros(2, requires_grad=True))
        tensor([[3., 3.]])
    """
    # TODO(q23): which context manager stops autograd from recording, and where does the model go?
    raise NotImplementedError("q23: predict_no_grad is not written yet")
