"""The lesson's reset in its final form: an SGD optimizer over the parameters, then opt.zero_grad().
(The lesson's first form, `w.grad.zero_()`, always runs after a backward(); before the first one .grad is
None, which is mutants/q24_reset_gradients/zero_without_none_check.py.)"""

import torch


def reset_gradients(params):
    opt = torch.optim.SGD(params, lr=1e-5)
    opt.zero_grad()
