"""q35 · Training in small batches.

Training in batches of rows instead of the whole dataset gives one gradient-descent update per batch,
so one epoch makes several updates instead of one. How many depends on the number of rows, the batch
size, and what the DataLoader does with the rows that do not fill a whole batch.
"""


def updates_per_epoch(n_samples: int, batch_size: int, drop_last: bool = False) -> int:
    """Batches, and so parameter updates, in one epoch over n_samples rows in batches of batch_size.

    Args:
        n_samples: rows in the dataset, ≥ 1.
        batch_size: rows per batch, ≥ 1 (it may be larger than n_samples).
        drop_last: True when the last, partial batch is thrown away, as DataLoader(..., drop_last=True) does.

    Returns:
        The number of batches per epoch, a Python int, the same as
        len(DataLoader(dataset, batch_size, drop_last=drop_last)).

    Example:
        >>> updates_per_epoch(12, 4), updates_per_epoch(12, 4, drop_last=True)
        (3, 3)
    """
    # TODO(q35): how many full batches fit, and does a few rows left over make one more batch?
    raise NotImplementedError("q35: updates_per_epoch is not written yet")
