"""q44 · fit: training nn.Linear in batches.

Training puts the lesson's pieces together. A DataLoader hands out shuffled batches; for each batch the
model predicts, the loss function scores the predictions, backward() computes the gradients, and the
optimizer takes a step and resets them. One pass over all the batches is an epoch; fit repeats it.
"""

from collections.abc import Callable

import torch
from torch.utils.data import DataLoader


def fit(num_epochs: int, model: torch.nn.Module,
        loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
        opt: torch.optim.Optimizer, train_dl: DataLoader) -> list[float]:
    """Train `model` by mini-batch gradient descent: each batch does predict, loss, backward, step, reset.

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
    history = []
    for _ in range(num_epochs):
        batch_losses = []
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            opt.zero_grad()  # reset once per batch, or the next batch's gradients pile onto these
            batch_losses.append(loss.item())
        history.append(sum(batch_losses) / len(batch_losses))
    return history
