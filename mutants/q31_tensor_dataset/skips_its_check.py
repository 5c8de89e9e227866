"""Skips instead of building the dataset: pytest.skip() from the kata's function, which would mark the check
skipped."""

import pytest

CAUGHT_BY = "would only hide the check"


def make_dataset(inputs, targets):
    pytest.skip("later")
