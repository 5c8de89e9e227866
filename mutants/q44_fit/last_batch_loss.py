"""Records only the last batch's loss of each epoch (what the lesson prints), not the epoch's mean."""

CAUGHT_BY = "the loss of the epoch's last batch only"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
        history.append(loss.item())
    return history
