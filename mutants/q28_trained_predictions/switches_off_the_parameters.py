"""Makes .numpy() work by switching the parameters off (`w.requires_grad_(False)`), which breaks further training."""

CAUGHT_BY = "switched off"


def predictions_as_numpy(x, w, b):
    w.requires_grad_(False)
    b.requires_grad_(False)
    return (x @ w.t() + b).numpy()
