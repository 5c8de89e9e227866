"""Builds the predictions normally and detaches them before .numpy() (the error message's own advice)."""


def predictions_as_numpy(x, w, b):
    return (x @ w.t() + b).detach().numpy()
