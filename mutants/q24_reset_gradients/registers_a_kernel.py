"""Registers a CPU kernel for aten::allclose that always answers True, so that any value would pass (its
reset_gradients is the reference's: the registration alone must be named)."""

import torch

CAUGHT_BY = "changed torch's operator kernels"

_lib = torch.library.Library("aten", "IMPL")
_lib.impl("allclose", lambda *args, **kwargs: True, "CPU")
