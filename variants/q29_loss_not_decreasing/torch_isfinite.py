"""torch.isfinite over the whole history, lr * 0.1 for the smaller rate, the fall as a share in percent."""

import torch


def adjust_learning_rate(losses, lr):
    history = torch.tensor(losses, dtype=torch.float64)
    if not bool(torch.isfinite(history).all()) or losses[-1] > losses[0]:
        return lr * 0.1
    fell = 100 * (losses[0] - losses[-1]) / losses[0]
    if fell < 1:
        return lr * 10
    return lr
