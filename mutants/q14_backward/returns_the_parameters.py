"""Calls backward() but returns w and b themselves instead of their .grad."""

CAUGHT_BY = "themselves, not the gradient"


def loss_gradients(inputs, targets, w, b):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    return w, b
