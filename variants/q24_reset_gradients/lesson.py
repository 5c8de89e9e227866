"""The lesson's reset: `w.grad.zero_()` for every parameter.

The lesson's reset, as written after each update: `w.grad.zero_()` and `b.grad.zero_()` for every parameter.
It runs after a backward(), so .grad exists; a reset before any backward() gets a "going further" note."""


def reset_gradients(params):
    for p in params:
        p.grad.zero_()
