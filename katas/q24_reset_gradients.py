"""q24 · Resetting gradients.

backward() does not overwrite `.grad`: it adds the new gradient to whatever is already there.
That is why, after each update, the gradients are reset: otherwise the next step would follow
the sum of every gradient so far instead of the gradient at the current weights.
"""

import torch


def reset_gradients(params: list[torch.Tensor]) -> None:
    """Reset the gradient of every parameter, so the next backward() starts from nothing.

    Args:
        params: the parameters, e.g. [w, b]: leaf tensors with requires_grad=True, after a
            backward() (as in the lesson's loop). Going further: a .grad that is still None (no
            backward() yet, or after zero_grad()) can be handled too.

    Returns:
        None. Afterwards every parameter's .grad is all zeros or None; the parameters themselves
        (their values, requires_grad) are unchanged.

    Example:
        >>> loss.backward()
        >>> reset_gradients([w, b])
        >>> w.grad
        tensor([[0., 0., 0.],
                [0., 0., 0.]])
    """
    # TODO(q24): loop over the parameters; what must you check before touching a .grad?
    raise NotImplementedError("q24: reset_gradients is not written yet")
