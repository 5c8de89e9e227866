"""The lesson's final form: an SGD optimizer over the parameters, then opt.zero_grad().

The lesson's reset in its final form: an SGD optimizer over the parameters, then opt.zero_grad()
(its first form, `w.grad.zero_()`, is lesson.py)."""

import torch


def reset_gradients(params):
    opt = torch.optim.SGD(params, lr=1e-5)
    opt.zero_grad()
