"""Reads w.grad and b.grad before calling backward(): they are still None then."""

CAUGHT_BY = "is None until loss.backward() has run"


def loss_gradients(inputs, targets, w, b):
    grads = (w.grad, b.grad)
    ((inputs @ w.t() + b - targets) ** 2).mean().backward()
    return grads
