"""Updates in place without torch.no_grad(): PyTorch refuses to change a leaf that requires grad."""

CAUGHT_BY = "In-place update without torch.no_grad()"


def update(w, b, lr):
    w -= w.grad * lr
    b -= b.grad * lr
