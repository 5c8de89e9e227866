"""Leaves the batch loop after the first batch: each epoch trains on 5 of the 15 rows."""

CAUGHT_BY = "Is there a `break` or `return` inside the batch loop?"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
            break
        history.append(loss.item())
    return history
