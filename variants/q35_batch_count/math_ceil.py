"""math.ceil for the partial batch, floor division with drop_last."""

import math


def updates_per_epoch(n_samples, batch_size, drop_last=False):
    return n_samples // batch_size if drop_last else math.ceil(n_samples / batch_size)
