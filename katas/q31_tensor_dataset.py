"""q31 · TensorDataset.

Training code wants one sample at a time: an input row together with its target row. A TensorDataset
wraps the inputs and targets tensors (with the same number of rows) so that `ds[i]` gives the pair
`(inputs[i], targets[i])`, `len(ds)` counts the rows, and a DataLoader can cut it into batches.
"""

import torch
from torch.utils.data import TensorDataset


def make_dataset(inputs: torch.Tensor, targets: torch.Tensor) -> TensorDataset:
    """Pair each input row with its target row: ds[i] == (inputs[i], targets[i]).

    Args:
        inputs: the inputs, shape (N, 3), float32 (temperature, rainfall, humidity).
        targets: the targets, shape (N, 2), float32 (apples, oranges), in the same row order.

    Returns:
        A TensorDataset of length N whose items are (input row (3,), target row (2,)) tuples.

    Raises:
        AssertionError: (from TensorDataset) when inputs and targets have different numbers of rows.

    Example:
        >>> ds = make_dataset(torch.ones(4, 3), torch.zeros(4, 2))
        >>> len(ds), ds[0]
        (4, (tensor([1., 1., 1.]), tensor([0., 0.])))
    """
    # TODO(q31): which class from torch.utils.data takes both tensors and hands out rows as pairs?
    raise NotImplementedError("q31: make_dataset is not written yet")
