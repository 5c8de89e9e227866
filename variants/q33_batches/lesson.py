"""The lesson's loops: `for xb, yb in train_dl:` for an epoch, and print-and-break for one batch.

The lesson's loops: `for xb, yb in train_dl:` as in fit() for a whole epoch, and with print and break to
look at the first batch (returning it, as the docstring asks)."""


def collect_batches(loader):
    batches = []
    for xb, yb in loader:
        batches.append((xb, yb))
    return batches


def first_batch(loader):
    for xb, yb in loader:
        print(xb)
        print(yb)
        break
    return xb, yb
