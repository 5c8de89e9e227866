"""The built-in with its reduction fixed by functools.partial: a callable that is not a function of the file."""

import functools

import torch.nn.functional as F

builtin_mse = functools.partial(F.mse_loss, reduction="mean")
