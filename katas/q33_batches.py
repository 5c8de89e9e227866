"""q33 · Retrieving batches from a data loader.

A DataLoader is iterable: a `for` loop over it gives one batch at a time, and each batch unpacks into
the inputs and the targets of its rows, `for xb, yb in loader:`. One full pass over the loader is an
epoch: every row shows up exactly once, and the last batch may be smaller than the others. To look at
the data before training, you stop after the first batch.
"""

import torch
from torch.utils.data import DataLoader


def collect_batches(loader: DataLoader) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """One epoch of batches from `loader`, as a list of (xb, yb) pairs in the order the loader gives them.

    Args:
        loader: a DataLoader over a dataset of (input row, target row) pairs, any batch size.

    Returns:
        A list with one (xb, yb) tuple per batch: xb (batch, n_inputs) and yb (batch, n_targets),
        float32; the last batch may have fewer rows.

    Example:
        >>> loader = DataLoader(TensorDataset(torch.ones(5, 3), torch.zeros(5, 2)), batch_size=2)
        >>> [(tuple(xb.shape), tuple(yb.shape)) for xb, yb in collect_batches(loader)]
        [((2, 3), (2, 2)), ((2, 3), (2, 2)), ((1, 3), (1, 2))]
    """
    # TODO(q33): how does a for loop over a loader hand you each batch, and what does a batch unpack into?
    raise NotImplementedError("q33: collect_batches is not written yet")


def first_batch(loader: DataLoader) -> tuple[torch.Tensor, torch.Tensor]:
    """The first batch `loader` hands out, to look at before training: (xb, yb).

    Args:
        loader: a DataLoader over a dataset of (input row, target row) pairs, shuffled or not.

    Returns:
        The (xb, yb) pair of the loader's first batch of a new pass: xb (batch, n_inputs) and
        yb (batch, n_targets), float32, exactly as the loader gives them.

    Example:
        >>> xb, yb = first_batch(DataLoader(TensorDataset(torch.ones(5, 3), torch.zeros(5, 2)), batch_size=2))
        >>> xb.shape, yb.shape
        (torch.Size([2, 3]), torch.Size([2, 2]))
    """
    # TODO(q33): start going through the loader as for a whole epoch; when do you stop?
    raise NotImplementedError("q33: first_batch is not written yet")
