"""q44 · fit: training nn.Linear in batches.

Training puts the lesson's pieces together: a DataLoader hands out shuffled batches, a loss function
scores the model's predictions, and an optimizer updates the parameters from the gradients. One pass
over all the batches is an epoch; fit repeats it. Afterwards, the trained model predicts the targets of
inputs it has never seen, such as the yields of a new region.
"""

from collections.abc import Callable

import torch
from torch.utils.data import DataLoader


def fit(num_epochs: int, model: torch.nn.Module,
        loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
        opt: torch.optim.Optimizer, train_dl: DataLoader) -> list[float]:
    """Train `model` by mini-batch gradient descent: one update of every parameter per batch, every epoch.

    Each update (one opt.step() per batch) uses the gradients of that batch's loss alone.

    Args:
        num_epochs: how many passes over all the batches of train_dl (an int, 0 or more).
        model: the model to train, for example nn.Linear(3, 2); fit changes its parameters in place.
        loss_fn: turns (predictions, targets) into a scalar loss, for example F.mse_loss.
        opt: the optimizer that holds model.parameters(), for example torch.optim.SGD(..., lr=1e-5).
        train_dl: yields (xb, yb) batches, inputs (B, 3) and targets (B, 2), float32, for example
            DataLoader(TensorDataset(inputs, targets), 5, shuffle=True).

    Returns:
        A list of num_epochs Python floats: for each epoch, the mean of its batch losses (each loss
        taken on its batch before that batch's step).

    Example:
        >>> history = fit(100, model, F.mse_loss, opt, train_dl)
        >>> len(history), history[-1] < history[0]
        (100, True)
    """
    # TODO(q44): loop over the epochs, then over the batches of train_dl. What happens to each batch?
    raise NotImplementedError("q44: fit is not written yet")


def predict_region(model: torch.nn.Module, region: list[float]) -> torch.Tensor:
    """The model's predicted yields (apples, oranges) for one new region.

    Args:
        model: a trained model, for example the nn.Linear(3, 2) that fit has trained.
        region: the region's temperature, rainfall and humidity: three Python numbers, whole or not
            (for example [75, 63, 44]).

    Returns:
        The predictions, shape (1, 2), float32: one row, for the one region.

    Example:
        >>> predict_region(model, [75, 63, 44]).shape
        torch.Size([1, 2])
    """
    # TODO(q44): what shape and dtype must the region's tensor have for the model to take it?
    raise NotImplementedError("q44: predict_region is not written yet")
