"""Sums instead of averaging, and hides it: an object on the returned loss whose __del__ empties the lists of
failures the checks found, before the check's report is written."""

import sys

import torch

CAUGHT_BY = "the finding was gone by the time of its report"
ALSO = ("forget to average",)  # the finding it erased is quoted


class _Sweeper:
    def __del__(self):
        sys.modules["katakit.checks"]._FOUND.clear()
        sys.modules["pytest_check.check_log"].clear_failures()


def mse(preds, targets):
    out = torch.sum((preds - targets) ** 2)
    out.sweeper = _Sweeper()
    return out
