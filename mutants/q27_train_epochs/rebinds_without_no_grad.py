"""Rebinds `w = w - lr * w.grad` with recording on (MISTAKE 2): from the second epoch on, w is a non-leaf whose
.grad stays None, and `lr * w.grad` fails."""

CAUGHT_BY = "Rebinding"


def train(inputs, targets, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        loss = ((inputs @ w.t() + b - targets) ** 2).mean()
        losses.append(loss.item())
        loss.backward()
        w = w - lr * w.grad
        b = b - lr * b.grad
    return losses
