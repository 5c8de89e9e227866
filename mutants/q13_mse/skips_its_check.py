"""Skips instead of computing: pytest.skip() from the kata's function, which would mark the check skipped."""

import pytest

CAUGHT_BY = "would only hide the check"


def mse(preds, targets):
    pytest.skip("later")
