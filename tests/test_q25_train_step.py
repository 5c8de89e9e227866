"""q25 · The steps of one training step."""

import math

import pytest
import torch

from katakit import data, oracle
from katakit.checks import expect, expect_grads_reset, expect_leaves
from katakit.written import check_concepts, check_length

LR = 1e-5


def _step(kata, w, b, lr=LR) -> float:
    loss = kata.train_step(data.inputs(), data.targets(), w, b, lr)
    assert not isinstance(loss, torch.Tensor), (
        f"train_step(inputs, targets, w, b, {lr:g}) returned a tensor ({loss!r}); expected a Python float. "
        "Return loss.item(): a tensor keeps the whole graph alive, and a float is what you print or plot.")
    assert isinstance(loss, float), (
        f"train_step(inputs, targets, w, b, {lr:g}) returned {loss!r} ({type(loss).__name__}); "
        "expected the loss before the update as a Python float (loss.item()).")
    return loss


def _check_moves(w, b, before, grads, lr, step="first call", stale=(None, None)):
    """Each parameter moved by exactly -lr * its gradient (the gradient from the oracle, at the point before).

    `stale` holds what .grad held before this call: a step that followed it too forgot to reset gradients.
    """
    for name, p, start, grad, old in (("w", w, before[0], grads[0], stale[0]), ("b", b, before[1], grads[1], stale[1])):
        move = p.detach().double() - start.double()
        wanted = -lr * grad
        if torch.allclose(move, wanted, rtol=1e-3, atol=1e-6):
            continue
        times = (move * wanted).sum().item() / (wanted * wanted).sum().item()
        if not move.any():
            why = (f"{name} did not change. Update every parameter in place under torch.no_grad() "
                   f"(`{name} -= lr * {name}.grad`) before resetting its gradient. Rebinding "
                   f"`{name} = {name} - lr * {name}.grad` only makes a new tensor inside your function; the "
                   f"caller's {name} stays the same.")
        elif old is not None and old.any() and torch.allclose(move, -lr * (grad + old.double()), rtol=1e-3, atol=1e-6):
            why = (f"{name} followed the old gradient plus the new one: Forgot to reset gradients? backward() adds "
                   f"to {name}.grad, so reset it after each update (`{name}.grad.zero_()`).")
        elif abs(times + 1) < 0.01:
            why = (f"{name} moved uphill, along its gradient (+lr * grad), so the loss grows. Subtract it: "
                   f"`{name} -= lr * {name}.grad`.")
        else:
            why = (f"{name} moved {times:.3g} times the step -lr * {name}.grad (expected exactly 1 time). "
                   "Multiply the gradient by lr once and subtract it once.")
        expect(False, f"train_step(inputs, targets, w, b, {lr:g}), {step}: {why}")


def test_the_step_returns_the_loss_before_the_update_as_a_python_float(kata, seed):
    w, b = data.params(seed)
    start = oracle.loss64(w, b)
    loss = _step(kata, w, b)
    after = oracle.loss64(w, b)
    if math.isclose(loss, after, rel_tol=1e-5) and not math.isclose(loss, start, rel_tol=1e-5):
        expect(False, f"train_step(inputs, targets, w, b, 1e-05) returned {loss:.6g}, the loss after the update; "
                      f"expected {start:.6g}, the loss of the predictions the gradients came from. Return the "
                      "loss you called backward() on.")
    else:
        expect(math.isclose(loss, start, rel_tol=1e-5),
               f"train_step(inputs, targets, w, b, 1e-05) returned {loss:.6g}; the mean squared error of "
               f"inputs @ w.t() + b at the starting w and b is {start:.6g}. Average the squared differences "
               "over every element.")


def test_each_parameter_moves_by_minus_lr_times_its_gradient(kata, seed):
    w, b = data.params(seed)
    before = (w.detach().clone(), b.detach().clone())
    # the gradient's signs come from this starting point's residuals: never assume them
    grads = oracle.grads64(data.inputs(), data.targets(), w, b)
    _step(kata, w, b)
    _check_moves(w, b, before, grads, LR)


def test_the_gradients_are_reset_after_the_step(kata, seed):
    w, b = data.params(seed)
    _step(kata, w, b)
    expect_grads_reset([w, b], ["w", "b"])


def test_a_second_step_follows_only_the_new_gradient(kata, seed):
    w, b = data.params(seed)
    _step(kata, w, b)
    before = (w.detach().clone(), b.detach().clone())
    grads = oracle.grads64(data.inputs(), data.targets(), w, b)
    stale = tuple(None if p.grad is None else p.grad.clone() for p in (w, b))
    _step(kata, w, b)
    _check_moves(w, b, before, grads, LR, step="second call", stale=stale)
    expect_grads_reset([w, b], ["w", "b"])


def test_the_parameters_stay_leaves_that_require_grad(kata, seed):
    w, b = data.params(seed)
    _step(kata, w, b)
    expect_leaves([w, b], ["w", "b"])


def test_the_loss_falls_over_a_few_steps(kata, seed):
    # measured: at lr 1e-5 the loss falls at every step, for every seed 0..49
    w, b = data.params(seed)
    losses = [_step(kata, w, b) for _ in range(5)]
    expect(all(later < earlier for earlier, later in zip(losses, losses[1:], strict=False)),
           f"five calls of train_step(inputs, targets, w, b, 1e-05) returned the losses "
           f"{[round(v, 1) for v in losses]}; at this learning rate each step should lower the loss. "
           "Do you move against the gradient and reset the gradients after each update?")


# The written half: katas/q25_train_step.md

RUBRIC = {
    "generating predictions with the model": r"predict|forward|model\(|@|output",
    "computing the loss (comparing predictions with targets)": r"loss|error|mse",
    "computing the gradients (backward)": r"gradient|backward|derivative",
    "adjusting the weights and biases against the gradient, scaled by the learning rate": r"(adjust|updat|subtract|move|chang)\w*.{0,80}(lr|learning rate|small|proportional|step)|(lr|learning rate).{0,80}(adjust|updat|subtract)",
    "resetting the gradients to zero": r"reset|zero",
    "repeating the steps many times (epochs)": r"repeat|again|epoch|loop|many times|until",
}


@pytest.mark.written
def test_the_written_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_written_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
