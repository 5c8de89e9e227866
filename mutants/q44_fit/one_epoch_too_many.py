"""Loops over range(num_epochs + 1): one epoch more than asked for."""

CAUGHT_BY = "expected 2, one per epoch"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs + 1):
        losses = []
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
            losses.append(loss.item())
        history.append(sum(losses) / len(losses))
    return history
