"""Calls opt.step() before loss.backward(): each step uses no gradient, or the previous batch's."""

CAUGHT_BY = "no loss.backward() before opt.step()"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        losses = []
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            opt.step()
            opt.zero_grad()
            loss.backward()
            losses.append(loss.item())
        history.append(sum(losses) / len(losses))
    return history
