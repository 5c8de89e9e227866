"""q14 · What .backward() does.

Calling `.backward()` on the loss makes PyTorch walk back through every operation that produced it
(the chain rule) and compute the derivative of the loss with respect to every tensor created with
`requires_grad=True`. Each result lands in that tensor's `.grad`, with the tensor's own shape.
"""

import torch


def loss_gradients(inputs: torch.Tensor, targets: torch.Tensor, w: torch.Tensor,
                   b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The gradients of the MSE loss of the linear model with respect to w and b, filled in by autograd.

    The loss is the mean of (preds - targets)² over all elements, with preds = inputs @ w.t() + b.
    After the call, w.grad and b.grad hold d(loss)/dw and d(loss)/db; w and b keep their values.

    Args:
        inputs: shape (N, 3), float32.
        targets: shape (N, 2), float32.
        w: weights, shape (2, 3), float32, a leaf with requires_grad=True and no .grad yet.
        b: biases, shape (2,), float32, a leaf with requires_grad=True and no .grad yet.

    Returns:
        (w.grad, b.grad): d(loss)/dw of shape (2, 3) and d(loss)/db of shape (2,), both float32.

    Example:
        >>> w, b = torch.zeros(2, 3, requires_grad=True), torch.zeros(2, requires_grad=True)
        >>> loss_gradients(torch.ones(1, 3), torch.ones(1, 2), w, b)
        (tensor([[-1., -1., -1.],
                [-1., -1., -1.]]), tensor([-1., -1.]))
    """
    preds = inputs @ w.t() + b
    diff = preds - targets
    loss = torch.sum(diff * diff) / diff.numel()
    loss.backward()  # fills w.grad and b.grad with d(loss)/dw and d(loss)/db, via the chain rule
    return w.grad, b.grad
