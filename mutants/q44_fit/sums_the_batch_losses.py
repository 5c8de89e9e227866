"""Adds up the epoch's batch losses and forgets to divide by the number of batches."""

CAUGHT_BY = "the sum of the epoch's batch losses"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        total = 0.0
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
            total += loss.item()
        history.append(total)
    return history
