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
    full_batches, left_over = divmod(n_samples, batch_size)
    if left_over and not drop_last:
        return full_batches + 1  # the rows left over still make one smaller batch, and one more update
    return full_batches
