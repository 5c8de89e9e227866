"""Resets the weight's gradient by hand (model.weight.grad.zero_()) and forgets the bias's: the bias's gradients
pile up from batch to batch while the weight's are right."""

CAUGHT_BY = "model.bias.grad was the sum of the gradients of all"


def fit(num_epochs, model, loss_fn, opt, train_dl):
    history = []
    for _ in range(num_epochs):
        losses = []
        for xb, yb in train_dl:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            model.weight.grad.zero_()
            losses.append(loss.item())
        history.append(sum(losses) / len(losses))
    return history
