"""Resets through the model (model.zero_grad()) and averages the epoch's losses with torch.stack(...).mean()."""

import torch


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        losses = []
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            model.zero_grad()
            losses.append(loss.detach())
        history.append(torch.stack(losses).mean().item())
    return history
