"""Squeezes the targets: with one target column they become shape (N,) and lose their column."""

CAUGHT_BY = "lost their column"


def split_columns(table, n_inputs):
    return table[:, :n_inputs], table[:, n_inputs:].squeeze()
