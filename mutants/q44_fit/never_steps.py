"""Computes the loss and the gradients but never calls opt.step(): the model never changes."""

CAUGHT_BY = "neither model.weight nor model.bias changed"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        losses = []
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.zero_grad()
            losses.append(loss.item())
        history.append(sum(losses) / len(losses))
    return history
