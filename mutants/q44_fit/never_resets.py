"""Never calls opt.zero_grad(): every backward() adds onto the gradients of all earlier batches."""

CAUGHT_BY = "they accumulate because they are never reset"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        losses = []
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        history.append(sum(losses) / len(losses))
    return history
