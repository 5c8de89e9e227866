"""Updates in place without torch.no_grad() (MISTAKE 1): PyTorch refuses to change a leaf that requires grad."""

CAUGHT_BY = "without torch.no_grad()"


def train_step(inputs, targets, w, b, lr):
    loss = ((inputs @ w.t() + b - targets) ** 2).mean()
    loss.backward()
    w -= lr * w.grad
    b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
    return loss.item()
