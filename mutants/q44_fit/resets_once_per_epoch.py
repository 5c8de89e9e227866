"""Calls opt.zero_grad() once per epoch, outside the batch loop: gradients pile up across the epoch's batches."""

CAUGHT_BY = "reset only once per epoch"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        losses = []
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        opt.zero_grad()
        history.append(sum(losses) / len(losses))
    return history
