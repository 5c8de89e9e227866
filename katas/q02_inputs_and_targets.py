"""q02 · Input and target variables.

A data set is a table with one row per sample and one column per variable. The input variables are
the ones we measure and feed to the model (temperature, rainfall, humidity); the target variables
are the ones we want it to predict (the yields of apples and oranges).
"""

import torch


def split_columns(table: torch.Tensor, n_inputs: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Split a table into its input columns (the first n_inputs) and its target columns (the rest).

    Args:
        table: the data set, shape (N, n_inputs + m), float32, one row per sample.
        n_inputs: how many of the leading columns are input variables.

    Returns:
        (inputs, targets): inputs of shape (N, n_inputs) and targets of shape (N, m), float32.
        Views into the table and copies are both fine.

    Example:
        >>> split_columns(torch.tensor([[73., 67., 43., 56., 70.]]), 3)
        (tensor([[73., 67., 43.]]), tensor([[56., 70.]]))
    """
    # TODO(q02): which index of table[..., ...] picks columns? Every sample keeps all its rows.
    raise NotImplementedError("q02: split_columns is not written yet")
