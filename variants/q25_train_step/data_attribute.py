"""The older idiom: update through .data (outside autograd) instead of torch.no_grad()."""


def train_step(inputs, targets, w, b, lr):
    preds = inputs @ w.t() + b
    diff = preds - targets
    loss = (diff * diff).sum() / diff.numel()
    loss.backward()
    w.data -= lr * w.grad.data
    b.data -= lr * b.grad.data
    w.grad.data.zero_()
    b.grad.data.zero_()
    return loss.item()
