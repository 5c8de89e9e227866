"""`w.data -= lr * w.grad`: the older tutorials' idiom, through .data instead of torch.no_grad().

`w.data -= lr * w.grad`: older tutorials' idiom. Not the lesson's, and PyTorch advises torch.no_grad(),
but it changes the same tensor in place without recording a graph, so the tests accept it."""


def update(w, b, lr):
    w.data -= lr * w.grad
    b.data -= lr * b.grad
