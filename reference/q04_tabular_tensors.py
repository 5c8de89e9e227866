"""q04 · Tabular data as tensors.

A table of numbers becomes a 2-D tensor: one row per sample, one column per variable. The model's
weights are float32, so the table must be float32 too: integers (int64) and numpy's default
float64 do not mix with them in `x @ w.t()`.
"""

import numpy as np
import torch


def to_tensor(rows: list[list[float]] | np.ndarray) -> torch.Tensor:
    """A table (a list of rows, or a numpy array) as a 2-D float32 tensor.

    Args:
        rows: N rows of k numbers each: a list of lists of ints or floats, or a numpy array of
            shape (N, k) and any number dtype.

    Returns:
        A tensor of shape (N, k), float32, holding the same numbers row by row, whatever kind of
        input came in. Sharing memory with a float32 numpy array and holding a copy are both fine.

    Example:
        >>> to_tensor([[73, 67, 43], [91, 88, 64]])
        tensor([[73., 67., 43.],
                [91., 88., 64.]])
    """
    return torch.tensor(rows, dtype=torch.float32)  # a copy, in the float32 of the model's weights
