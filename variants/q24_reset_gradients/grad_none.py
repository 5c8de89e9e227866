"""Drops the gradients (`p.grad = None`), as zero_grad() does by default."""


def reset_gradients(params):
    for p in params:
        p.grad = None
