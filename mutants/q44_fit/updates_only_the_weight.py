"""Updates the weight by hand, as in the lesson's first loop, instead of opt.step(), and forgets the bias."""

import torch

CAUGHT_BY = "but model.bias did not"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    lr = opt.param_groups[0]["lr"]
    history = []
    for _ in range(num_epochs):
        losses = []
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            with torch.no_grad():
                model.weight -= model.weight.grad * lr
            opt.zero_grad()
            losses.append(loss.item())
        history.append(sum(losses) / len(losses))
    return history
