"""Counts columns from 1: the inputs take one column too many and the targets one too few."""

CAUGHT_BY = "off by one"


def split_columns(table, n_inputs):
    return table[:, : n_inputs + 1], table[:, n_inputs + 1 :]
