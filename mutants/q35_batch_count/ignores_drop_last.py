"""Always rounds up, even when drop_last=True throws the partial batch away."""

import math

CAUGHT_BY = "Did you ignore drop_last?"


def updates_per_epoch(n_samples, batch_size, drop_last=False):
    return math.ceil(n_samples / batch_size)
