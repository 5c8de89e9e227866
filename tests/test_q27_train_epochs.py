"""q27 · Training for many epochs."""

import inspect
import math
from pathlib import Path

import torch

from katakit import data, oracle, written
from katakit.checks import KataFailure, expect, not_a_float, require, watching
from katakit.mistakes import made_under_no_grad

ROOT = Path(__file__).resolve().parent.parent
LR = 1e-5
EPOCHS = 20  # measured: at lr 1e-5 the loss falls at every one of these epochs, for every seed 0..49
CALLED = f"train(inputs, targets, w, b, 1e-05, {EPOCHS})"


def _train(kata, w, b, epochs=EPOCHS):
    """train() on the crop data: the history, checked to be a list of `epochs` floats.

    A parameter the function rebound to a new tensor while the caller's stayed where it was is named here,
    from the function's own local variables as it ended (whether it returned or raised)."""
    start = (w.detach().clone(), b.detach().clone())
    called = f"train(inputs, targets, w, b, 1e-05, {epochs})"
    fn = kata.train
    losses, seen, err = watching(fn, (data.inputs(), data.targets(), w, b, LR, epochs))
    names = inspect.unwrap(fn).__code__.co_varnames[:6]
    rebound = [name for name, p, first in zip(names[2:4], (w, b), start, strict=True)
               if name in seen and seen[name] is not p and torch.equal(p.detach(), first)]
    if rebound:
        now = seen[rebound[0]]
        what = (f"a new tensor (requires_grad={now.requires_grad}, is_leaf={now.is_leaf})"
                if isinstance(now, torch.Tensor) else type(now).__name__)
        raise KataFailure(
            f"{called}: inside the function, the name `{rebound[0]}` ended up naming {what}, not the tensor you "
            f"were given, and the caller's {' and '.join(rebound)} never changed. Rebinding `{rebound[0]} = ...` "
            "makes a new tensor that only your function sees, and the next epoch's loss cannot reach the "
            "parameters through it. Change the tensors you were given in place, under torch.no_grad().",
            cause="rebinding") from err
    if err is not None:
        found = made_under_no_grad(err, names, ROOT)
        if found:
            name, line, target = found
            made = "it has" if name == target else "the loss made from it has"
            raise KataFailure(
                f"`{name}` (line {line}) was computed inside `with torch.no_grad():`, where nothing is recorded, "
                f"so {made} no graph and backward() has nothing to follow. Keep only the update of the "
                "parameters inside no_grad.", cause="computed under no_grad") from err
        raise err
    require(isinstance(losses, list),
            f"{called} returned {losses!r:.60} ({type(losses).__name__}); expected a list of {epochs} loss values "
            "(floats), one per epoch.", cause="train: type")
    if len(losses) != epochs:
        fewer = len(losses) == epochs - 1 and _where(w, b, start) == epochs - 1
        require(False, f"{called} returned {len(losses)} loss values; expected {epochs}, one per epoch."
                       + (f" w and b are where {epochs - 1} epochs of gradient descent put them: one epoch too few. "
                          f"How many times does your loop run for epochs={epochs}?" if fewer else ""),
                cause="epoch count")
    kinds = sorted({type(v).__name__ for v in losses} - {"float"})
    require(not kinds, f"{called} returned a history holding {', '.join(kinds)}; expected plain Python floats. "
                       f"{not_a_float(losses)}", cause="train: floats")
    return losses


def _descent64(w, b, epochs, sign=-1, accumulate=False):
    """Full-batch gradient descent in float64 from (w, b): the final weights and biases.
    sign=+1 climbs the gradient; accumulate=True never resets it (each step follows the sum of all so far)."""
    inputs, targets = data.inputs(), data.targets()
    w, b = w.detach().double(), b.detach().double()
    sum_w, sum_b = torch.zeros_like(w), torch.zeros_like(b)
    for _ in range(epochs):
        grad_w, grad_b = oracle.grads64(inputs, targets, w, b)
        if accumulate:
            sum_w, sum_b = sum_w + grad_w, sum_b + grad_b
            grad_w, grad_b = sum_w, sum_b
        w, b = w + sign * LR * grad_w, b + sign * LR * grad_b
    return w, b


def _close(p, expected):
    # measured over seeds 0..2999: float32 drifts from float64 by under 8e-7 in 20 epochs, while the bias
    # moves by at least 1.1e-4, so a mistake in the bias update fails on every seed
    return torch.allclose(p.detach().double(), expected, rtol=1e-6, atol=4e-6)


def _where(w, b, start, around=EPOCHS):
    """The number of epochs of plain gradient descent (around - 1, around or around + 1) that put w and b
    where they are, else None."""
    for epochs in (around, around - 1, around + 1):
        expected = _descent64(*start, epochs)
        if _close(w, expected[0]) and _close(b, expected[1]):
            return epochs
    return None


def _problem(w, b, start, losses):
    """(cause, message) when w and b are not where EPOCHS epochs of gradient descent put them, else None."""
    epochs = _where(w, b, start)
    if epochs == EPOCHS:
        return None
    if len(losses) > 1 and all(v == losses[0] for v in losses):
        return "stale predictions", (
            f"{CALLED} returned the same loss every epoch ({[round(v, 1) for v in losses[:4]]}, ...): the loss never "
            "saw the new weights. Stale predictions: recompute the predictions inside the loop, from the weights "
            "of this epoch, and the loss from them, before each backward().")
    if epochs is not None:
        how = "one epoch too few" if epochs < EPOCHS else "one epoch too many"
        return "epoch count", (f"{CALLED} left w and b where {epochs} epochs of gradient descent put them: {how}. "
                               f"How many times does your loop run for epochs={EPOCHS}?")
    kept = _descent64(*start, EPOCHS, accumulate=True)
    if _close(w, kept[0]) and _close(b, kept[1]):
        return "not reset", (f"{CALLED} left w and b where {EPOCHS} steps put them when each step follows the sum "
                             "of all the gradients so far: Forgot to reset gradients? backward() adds to .grad, so "
                             "every epoch's step also repeats the steps of all the epochs before.")
    uphill = _descent64(*start, EPOCHS, sign=1)
    if _close(w, uphill[0]) and _close(b, uphill[1]):
        return "uphill", (f"{CALLED} left w and b where {EPOCHS} steps along the gradient (+lr * grad) put them: "
                          "uphill, so the loss grows. Which way must a parameter move to lower the loss?")
    params, begun = {"w": w, "b": b}, dict(zip("wb", start, strict=True))
    still = [n for n in params if torch.equal(params[n].detach(), begun[n])]
    if still:
        moved = [n for n in params if n not in still]
        return "did not change", (f"{CALLED} did not change {' and '.join(still)}"
                                  + (f", while {moved[0]} moved. Every parameter needs its own update." if moved
                                     else ". No update reached the tensors you were given."))
    expected = dict(zip("wb", _descent64(*start, EPOCHS), strict=True))
    wrong = [n for n in params if not _close(params[n], expected[n])]
    parts = []
    for n in wrong:
        move, wanted = params[n].detach().double() - begun[n].double(), expected[n] - begun[n].double()
        parts.append(f"{n} moved {(move * wanted).sum().item() / (wanted * wanted).sum().item():.3g} times as far "
                     "as expected")
    return "not gradient descent", (
        f"{CALLED} left {' and '.join(wrong)} away from where {EPOCHS} epochs of gradient descent at lr 1e-05 put "
        f"{'it' if len(wrong) == 1 else 'them'} ({'; '.join(parts)}). Each epoch moves every parameter by -lr times "
        "the gradient of that epoch's loss.")


def test_train_returns_one_loss_per_epoch_as_python_floats(kata, seed):
    _train(kata, *data.params(seed))


def test_the_first_loss_is_the_loss_of_the_starting_parameters(kata, seed):
    w, b = data.params(seed)
    start = oracle.loss64(w, b)
    after_one = oracle.loss64(*_descent64(w, b, 1))
    first = _train(kata, w, b)[0]
    if math.isclose(first, after_one, rel_tol=1e-4):
        expect(False, f"{CALLED} starts its history with {first:.6g}, the loss after the first update; expected "
                      f"{start:.6g}, the loss at the starting w and b. Record each epoch's loss before its update, "
                      "from the loss you call backward() on.", cause="the loss after the update")
    else:
        expect(math.isclose(first, start, rel_tol=1e-4),
               f"{CALLED} starts its history with {first:.6g}; the mean squared error of inputs @ w.t() + b at the "
               f"starting w and b is {start:.6g}.", cause="the loss")


def test_the_loss_falls_every_epoch(kata, seed):
    w, b = data.params(seed)
    start = (w.detach().clone(), b.detach().clone())
    losses = _train(kata, w, b)
    rises = [i for i, (before, after) in enumerate(zip(losses, losses[1:], strict=False)) if not after < before]
    if not rises:
        return
    found = _problem(w, b, start, losses)
    i = rises[0]
    expect(False, f"{CALLED}: the loss went from {losses[i]:.6g} (epoch {i + 1}) to {losses[i + 1]:.6g} (epoch "
                  f"{i + 2}); at this learning rate it falls every epoch." + (f"\n{found[1]}" if found else ""),
           cause=found[0] if found else "the loss does not fall")


def test_the_loss_stays_above_the_least_squares_floor(kata, seed):
    lowest = min(_train(kata, *data.params(seed)))
    expect(lowest >= data.LSTSQ_FLOOR_5,
           f"{CALLED} reported a loss of {lowest:.4g}, but no linear model gets below {data.LSTSQ_FLOOR_5} (mean "
           "squared error) on this data. Is the loss the mean of (preds - targets)² over every element, with "
           "preds = inputs @ w.t() + b?", cause="the loss")


def test_the_trained_parameters_match_plain_gradient_descent_for_the_same_number_of_epochs(kata, seed):
    # every parameter is compared with a float64 replay: a bias step (~3e-5 or more) is far above the tolerance
    w, b = data.params(seed)
    start = (w.detach().clone(), b.detach().clone())
    losses = _train(kata, w, b)
    found = _problem(w, b, start, losses)
    if found:
        expect(False, found[1], cause=found[0])


def test_training_keeps_the_parameters_as_leaves_that_require_grad(kata, seed):
    # no check that .grad is empty at the end: resetting at the start of each epoch (opt.zero_grad() first) is fine
    w, b = data.params(seed)
    _train(kata, w, b)
    lost = [n for n, p in (("w", w), ("b", b)) if not (p.is_leaf and p.requires_grad)]
    expect(not lost, f"after {CALLED}, {' and '.join(lost)} no longer {'is a leaf' if len(lost) == 1 else 'are leaves'}"
                     " that require grad, so a further backward() cannot fill their .grad. Leave requires_grad as "
                     "it is, and change the values only under torch.no_grad().", cause="leaves")


def test_zero_epochs_return_no_losses_and_leave_the_parameters_alone(kata, seed):
    w, b = data.params(seed)
    start = (w.detach().clone(), b.detach().clone())
    losses = kata.train(data.inputs(), data.targets(), w, b, LR, 0)
    expect(losses == [], f"train(inputs, targets, w, b, 1e-05, 0) returned {losses!r:.60}; zero epochs give an empty "
                         "history, []. Record one loss per epoch.", cause="zero epochs")
    if torch.equal(w.detach(), start[0]) and torch.equal(b.detach(), start[1]):
        return
    once = _where(w, b, start, around=1) == 1
    expect(False, "train(inputs, targets, w, b, 1e-05, 0) changed w or b; zero epochs mean no update at all."
                  + (" They are where 1 epoch of gradient descent puts them: one epoch too many. How many times "
                     "does your loop run for epochs=0?" if once else ""), cause="epoch count" if once else "zero epochs")


# The written half: katas/q27_train_epochs.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("Each epoch starts from the weights that the previous epoch left behind.",
                     "where each epoch starts"),
        written.false("With the lesson's small learning rate, a single epoch already brings the loss as low as "
                      "gradient descent can take it.",
                      "what one epoch achieves"),
        written.false("Going over the same data again gives the same gradient again, so later epochs add nothing.",
                      "what another pass over the same data gives"),
        written.true("A later epoch over the same data computes a new gradient, because the weights have changed.",
                     "what another pass over the same data gives"),
        written.false("Each epoch starts again from the initial random weights.", "where each epoch starts"),
        written.true("A falling training loss shows how well the model fits the rows it trains on; how well it "
                     "predicts rows it has not seen must be measured on other data.",
                     "the loss on data the model has not seen"),
        written.false("More epochs lower the loss whatever the learning rate.", "when more epochs help"),
        written.false("Every extra epoch also lowers the loss on data the model has never seen.",
                      "the loss on data the model has not seen"),
        written.true("In full-batch training with a small learning rate, an epoch moves the weights only a small "
                     "step, so after it the loss is still far from its lowest.", "what one epoch achieves"),
    ),
    blanks=(
        written.Blank("The lesson trains for 100 epochs on 15 rows in batches of 5. How many times is each weight "
                      "updated?", accept=("300", "300 times"), reject=("100", "15", "1500", "500", "3", "20"),
                      form="one number", about="updates over many epochs of batches"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor(0.0, requires_grad=True)\nfor epoch in range(3):\n"
                        "    ((w - 8) ** 2).backward()\n    with torch.no_grad():\n        w -= 0.25 * w.grad\n"
                        "        w.grad.zero_()\nprint(w.item())", about="three epochs of gradient descent",
                        nudge="d((w - 8)²)/dw is 2(w - 8). Follow w through each epoch: where does each one start?"),
    ),
    ideas=(
        "one epoch takes only a small step (small learning rate): the loss is still far from its lowest",
        "each epoch continues from the weights the last one left, with a new gradient there: the steps add up",
        "many epochs bring the training loss much lower; the loss on data the model has not seen is measured "
        "separately, as it need not fall with every epoch",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
