"""katakit's shortcuts are exact: the eager SGD step gives torch's own numbers, option for option."""

import pytest
import torch

from katakit import quick_optim


@pytest.mark.parametrize("options", [{}, {"momentum": 0.9}, {"momentum": 0.85, "maximize": True},
                                     {"weight_decay": 0.1}, {"momentum": 0.9, "nesterov": True}])
def test_the_eager_sgd_step_gives_torchs_own_numbers(options):
    gen = torch.Generator().manual_seed(0)
    start = [torch.randn(2, 3, generator=gen), torch.randn(2, generator=gen)]
    grads = [[torch.randn_like(p) for p in start] for _ in range(3)]
    final = []
    for step in (quick_optim.TORCH_SGD_STEP, quick_optim._sgd_step):
        params = [p.clone().requires_grad_() for p in start]
        opt = torch.optim.SGD(params, lr=0.1, **options)
        for g in grads:
            for p, gp in zip(params, g, strict=True):
                p.grad = gp.clone()
            step(opt)
        final.append([p.detach() for p in params])
    for ours, torchs in zip(final[1], final[0], strict=True):
        assert torch.equal(ours, torchs), f"with {options} the eager step differs from torch's"
