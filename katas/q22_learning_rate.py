"""q22 · The learning rate: too small, right, too large.

The learning rate is the number that scales each gradient step: `w -= lr * w.grad`. Too small and
the loss creeps down; too large and every step overshoots, so the loss grows until it is inf or nan.
The fair way to compare learning rates is to start every run from the same fresh model.
"""

import torch


def compare_learning_rates(inputs: torch.Tensor, targets: torch.Tensor, lrs: list[float], epochs: int,
                           seed: int) -> dict[float, list[float]]:
    """Train the same seeded model once per learning rate and return each run's loss history.

    For each lr, start from a fresh model made from the seed, in this order:
    gen = torch.Generator().manual_seed(seed); w = torch.randn(m, k, generator=gen);
    b = torch.randn(m, generator=gen) (both requiring grad, k inputs, m outputs). Then run `epochs`
    full-batch gradient descent steps: preds = inputs @ w.t() + b, MSE loss, backward, update
    under torch.no_grad(), reset the gradients.

    Args:
        inputs: shape (N, k), float32.
        targets: shape (N, m), float32.
        lrs: the learning rates to try, e.g. [1e-6, 1e-5, 5e-4].
        epochs: gradient descent steps per learning rate.
        seed: the seed of the starting model (the same for every lr).

    Returns:
        {lr: [loss before epoch 1, loss before epoch 2, ...]}, one key per lr, each a list of
        `epochs` Python floats.

    Example:
        >>> runs = compare_learning_rates(inputs, targets, [1e-5, 5e-4], epochs=20, seed=0)
        >>> runs[1e-5][-1] < runs[1e-5][0], runs[5e-4][-1]
        (True, inf)
    """
    # TODO(q22): for each lr, build a fresh w and b from the seed, then loop over the epochs.
    raise NotImplementedError("q22: compare_learning_rates is not written yet")
