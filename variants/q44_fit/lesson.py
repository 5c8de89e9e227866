"""The lesson's fit, its loop verbatim (printing every 10 epochs), returning each epoch's mean loss.

The lesson's fit (its loop verbatim, printing every 10 epochs), collecting what the kata returns: each epoch's
mean batch loss. Then the lesson's prediction for a new region, `model(torch.tensor([[75, 63, 44.]]))`: one row of
floats (the lesson's `44.` makes the tensor float32; with the region given as numbers, dtype says so)."""

import torch


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for epoch in range(num_epochs):
        losses = []
        for xb, yb in train_dl:
            pred = model(xb)
            loss = loss_fn(pred, yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
            losses.append(loss.item())
        history.append(sum(losses) / len(losses))
        if (epoch + 1) % 10 == 0:
            print("Epoch [{}/{}], Loss: {:.4f}".format(epoch + 1, num_epochs, loss.item()))  # noqa: UP032 (the lesson's)
    return history


def predict_region(model, region):
    return model(torch.tensor([region], dtype=torch.float32))
