"""((preds - targets) ** 2).mean(): .mean() instead of sum / numel, and no shape check.

((preds - targets) ** 2).mean(): right for equal shapes. Without a shape check it broadcasts (4, 1) against
(4,) silently, which is a "going further" note, not a failure (this was a mutant before the lesson's way passed)."""


def mse(preds, targets):
    return ((preds - targets) ** 2).mean()
