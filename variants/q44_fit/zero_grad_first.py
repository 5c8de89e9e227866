"""Resets the gradients at the start of each batch, before loss.backward(), instead of after the step."""


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        total, batches = 0.0, 0
        for xb, yb in train_dl:
            opt.zero_grad()
            pred = model(xb)
            loss = loss_fn(pred, yb)
            loss.backward()
            opt.step()
            total += loss.item()
            batches += 1
        history.append(total / batches)
    return history
