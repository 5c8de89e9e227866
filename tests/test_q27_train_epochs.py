"""q27 · Training for many epochs."""

import math

import torch

from katakit import data, oracle
from katakit.checks import expect, expect_history, expect_leaves

LR = 1e-5
EPOCHS = 20  # measured: at lr 1e-5 the loss falls at every one of these epochs, for every seed 0..49


def _train(kata, w, b, epochs=EPOCHS):
    losses = kata.train(data.inputs(), data.targets(), w, b, LR, epochs)
    return expect_history(losses, epochs)


def _descent64(w, b, epochs):
    """Plain full-batch gradient descent in float64 from (w, b): the final weights and biases."""
    inputs, targets = data.inputs(), data.targets()
    w, b = w.detach().double(), b.detach().double()
    for _ in range(epochs):
        grad_w, grad_b = oracle.grads64(inputs, targets, w, b)
        w, b = w - LR * grad_w, b - LR * grad_b
    return w, b


def test_train_returns_one_loss_per_epoch_as_python_floats(kata, seed):
    _train(kata, *data.params(seed))


def test_the_first_loss_is_the_loss_of_the_starting_parameters(kata, seed):
    w, b = data.params(seed)
    start = oracle.loss64(w, b)
    after_one = oracle.loss64(*_descent64(w, b, 1))
    first = _train(kata, w, b)[0]
    if math.isclose(first, after_one, rel_tol=1e-4):
        expect(False, f"train(inputs, targets, w, b, 1e-05, {EPOCHS}) starts its history with {first:.6g}, the loss "
                      f"after the first update; expected {start:.6g}, the loss at the starting w and b. Record each "
                      "epoch's loss before its update: append loss.item() right after computing the loss.")
    else:
        expect(math.isclose(first, start, rel_tol=1e-4),
               f"train(inputs, targets, w, b, 1e-05, {EPOCHS}) starts its history with {first:.6g}; the mean "
               f"squared error of inputs @ w.t() + b at the starting w and b is {start:.6g}.")


def test_the_loss_falls_every_epoch(kata, seed):
    losses = _train(kata, *data.params(seed))
    shown = [round(v, 1) for v in losses[:4]]
    if all(v == losses[0] for v in losses):
        expect(False, f"train(inputs, targets, w, b, 1e-05, {EPOCHS}) returned the same loss every epoch "
                      f"({shown}, ...). Stale predictions: recompute the predictions inside the loop, from the "
                      "weights of this epoch, and the loss from them, before each backward().")
        return
    for epoch, (before, after) in enumerate(zip(losses, losses[1:], strict=False), start=1):
        if not after < before:
            nudge = ("The first update went uphill: subtract the gradient (`w -= lr * w.grad`)." if epoch == 1 else
                     "It fell at first, then rose: do you reset the gradients after each update? Without a "
                     "reset each backward() adds to the old gradient and the steps keep growing.")
            expect(False, f"train(inputs, targets, w, b, 1e-05, {EPOCHS}): the loss went from {before:.6g} "
                          f"(epoch {epoch}) to {after:.6g} (epoch {epoch + 1}); at this learning rate it falls "
                          f"every epoch. {nudge}")
            return


def test_the_loss_stays_above_the_least_squares_floor(kata, seed):
    losses = _train(kata, *data.params(seed))
    lowest = min(losses)
    expect(lowest >= data.LSTSQ_FLOOR_5,
           f"train(inputs, targets, w, b, 1e-05, {EPOCHS}) reported a loss of {lowest:.4g}, but no linear model "
           f"gets below {data.LSTSQ_FLOOR_5} (mean squared error) on this data. Is the loss the mean of "
           "(preds - targets)² over every element, with preds = inputs @ w.t() + b?")


def test_the_trained_parameters_match_plain_gradient_descent_for_the_same_number_of_epochs(kata, seed):
    w, b = data.params(seed)
    start = (w.detach().clone(), b.detach().clone())
    kata.train(data.inputs(), data.targets(), w, b, LR, EPOCHS)

    def matches(epochs):
        expected_w, expected_b = _descent64(*start, epochs)
        # float32 against float64 drifts by under 1e-6 over 20 epochs
        return (torch.allclose(w.detach().double(), expected_w, rtol=1e-4, atol=1e-5)
                and torch.allclose(b.detach().double(), expected_b, rtol=1e-4, atol=1e-5))

    if matches(EPOCHS):
        return
    called = f"train(inputs, targets, w, b, 1e-05, {EPOCHS})"
    if matches(EPOCHS - 1):
        expect(False, f"{called} left w and b where {EPOCHS - 1} epochs of gradient descent put them: one epoch "
                      f"too few. Loop with `for epoch in range(epochs):`.")
    elif matches(EPOCHS + 1):
        expect(False, f"{called} left w and b where {EPOCHS + 1} epochs of gradient descent put them: one epoch "
                      f"too many. Loop with `for epoch in range(epochs):`.")
    elif torch.equal(w.detach(), start[0]):
        expect(False, f"{called} did not change w. Train the caller's tensors in place under torch.no_grad() "
                      "(`w -= lr * w.grad`); rebinding `w = w - ...` only changes a local name.")
    else:
        expect(False, f"{called} left w and b away from where {EPOCHS} epochs of plain gradient descent put them. "
                      "Each epoch: fresh predictions, the MSE loss, backward(), `w -= lr * w.grad` and "
                      "`b -= lr * b.grad` under torch.no_grad(), then reset both gradients.")


def test_training_keeps_the_parameters_as_leaves_that_require_grad(kata, seed):
    # no check that .grad is empty at the end: resetting at the start of each epoch (opt.zero_grad() first) is fine
    w, b = data.params(seed)
    _train(kata, w, b)
    expect_leaves([w, b], ["w", "b"])


def test_zero_epochs_return_no_losses_and_leave_the_parameters_alone(kata, seed):
    w, b = data.params(seed)
    start = (w.detach().clone(), b.detach().clone())
    losses = kata.train(data.inputs(), data.targets(), w, b, LR, 0)
    expect(losses == [], f"train(inputs, targets, w, b, 1e-05, 0) returned {losses!r}; zero epochs give an empty "
                         "history, []. Record one loss per epoch, inside the loop.")
    expect(torch.equal(w.detach(), start[0]) and torch.equal(b.detach(), start[1]),
           "train(inputs, targets, w, b, 1e-05, 0) changed w or b; zero epochs mean no update at all.")
