"""Never reduces the squared errors to one number and calls backward() on the (N, 2) tensor."""

CAUGHT_BY = "Calling backward() on a non-scalar"


def loss_gradients(inputs, targets, w, b):
    loss = (inputs @ w.t() + b - targets) ** 2
    loss.backward()
    return w.grad, b.grad
