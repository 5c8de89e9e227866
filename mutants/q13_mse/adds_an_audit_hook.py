"""Sums instead of averaging, and adds an audit hook that empties the checks' lists of failures whenever a file
is opened: such a hook stays in the process for every later check."""

import sys

import torch

CAUGHT_BY = "added an audit hook"
ALSO = ("forget to average",)


def _forget(event, args):
    if event == "open" and "katakit.checks" in sys.modules:
        sys.modules["katakit.checks"]._FOUND.clear()


sys.addaudithook(_forget)


def mse(preds, targets):
    return torch.sum((preds - targets) ** 2)
