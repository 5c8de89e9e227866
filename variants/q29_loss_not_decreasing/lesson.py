"""The lesson's advice (look at the learning rate) written as plain code, one if per case.

The lesson has no code for this question, only its advice ("if the loss does not decrease, look at the
learning rate"): here is that advice written as plainly as the lesson writes code, one if per case."""

import math


def adjust_learning_rate(losses, lr):
    first = losses[0]
    last = losses[-1]
    for loss in losses:
        if math.isnan(loss) or math.isinf(loss):
            return lr / 10
    if last > first:
        return lr / 10
    if first - last < first / 100:
        return lr * 10
    return lr
