"""q25 · The steps of one training step."""

import inspect
import math
from pathlib import Path

import torch

from katakit import data, oracle, written
from katakit.checks import KataFailure, expect, require, watching
from katakit.mistakes import made_under_no_grad

ROOT = Path(__file__).resolve().parent.parent
LR = 1e-5
CALLED = "train_step(inputs, targets, w, b, 1e-05)"


def _step(kata, w, b, lr=LR) -> float:
    """One call of train_step on the crop data; the loss it returned, checked to be a float.

    A parameter the function rebound to a new tensor while the caller's stayed where it was is named here,
    from the function's own local variables as it ended (whether it returned or raised)."""
    before = (w.detach().clone(), b.detach().clone())
    fn = kata.train_step
    loss, seen, err = watching(fn, (data.inputs(), data.targets(), w, b, lr))
    names = inspect.unwrap(fn).__code__.co_varnames[:5]
    rebound = [name for name, p, start in zip(names[2:4], (w, b), before, strict=True)
               if name in seen and seen[name] is not p and torch.equal(p.detach(), start)]
    if rebound:
        now = seen[rebound[0]]
        what = (f"a new tensor (requires_grad={now.requires_grad}, is_leaf={now.is_leaf})"
                if isinstance(now, torch.Tensor) else type(now).__name__)
        raise KataFailure(
            f"train_step(inputs, targets, w, b, {lr:g}): inside the function, the name `{rebound[0]}` ended up "
            f"naming {what}, not the tensor you were given, and the caller's {' and '.join(rebound)} never "
            f"changed. Rebinding `{rebound[0]} = ...` makes a new tensor that only your function sees. Change "
            "the tensors you were given in place, under torch.no_grad().", cause="rebinding") from err
    if err is not None:
        found = made_under_no_grad(err, names, ROOT)
        if found:
            name, line, _ = found
            made = "it has" if name == found[2] else "the loss made from it has"
            raise KataFailure(
                f"`{name}` (line {line}) was computed inside `with torch.no_grad():`, where nothing is recorded, "
                f"so {made} no graph and backward() has nothing to follow. Keep only the update of the "
                "parameters inside no_grad.", cause="computed under no_grad") from err
        raise err
    require(not isinstance(loss, torch.Tensor),
            f"train_step(inputs, targets, w, b, {lr:g}) returned a tensor ({loss!r}); expected a Python float. "
            "Return loss.item(): a tensor keeps the whole graph alive, and a float is what you print or plot.",
            cause="train_step: type")
    require(isinstance(loss, float),
            f"train_step(inputs, targets, w, b, {lr:g}) returned {loss!r} ({type(loss).__name__}); "
            "expected the loss before the update as a Python float (loss.item()).", cause="train_step: type")
    return loss


def _grads_left(params):
    """The names of the parameters whose .grad still holds a gradient, and its largest entry."""
    return [(name, p.grad.abs().max().item()) for name, p in params.items()
            if p.grad is not None and bool((p.grad != 0).any())]


def _problem(params, before, grads, lr, step, stale=None):
    """(cause, message) when w or b did not move by exactly -lr * its gradient at the point before, else None.

    The gradient comes from the float64 oracle at the starting point (its signs come from the residuals,
    never assumed); `stale` holds what .grad held before this call, to recognise a step that also followed it."""
    found = {}
    for name, p in params.items():
        move = p.detach().double() - before[name].double()
        wanted = -lr * grads[name]
        if torch.allclose(move, wanted, rtol=1e-3, atol=1e-6):
            continue
        old = None if stale is None else stale.get(name)
        times = (move * wanted).sum().item() / (wanted * wanted).sum().item()
        if not move.any():
            found[name] = ("unchanged", 0.0)
        elif old is not None and old.any() and torch.allclose(move, -lr * (grads[name] + old.double()),
                                                               rtol=1e-3, atol=1e-6):
            found[name] = ("old + new", times)
        elif abs(times + 1) < 0.01:
            found[name] = ("uphill", times)
        else:
            found[name] = ("scaled", times)
    if not found:
        return None
    kinds = {kind for kind, _ in found.values()}
    names = " and ".join(found)
    called = f"train_step(inputs, targets, w, b, {lr:g}), {step}"
    if "old + new" in kinds:
        stuck = " and ".join(n for n, (k, _) in found.items() if k == "old + new")
        return "not reset", (f"{called}: {stuck} followed the gradient of the previous call plus the new one. "
                             "Forgot to reset gradients? backward() adds to .grad, so what the last step left "
                             "there is added to this step's gradient.")
    if "uphill" in kinds:
        return "uphill", (f"{called}: {names} moved uphill, along the gradient (+lr * grad), so the loss grows. "
                          "Which way must a parameter move to lower the loss?")
    if "scaled" in kinds:
        times = {f"{t:.3g}" for _, t in found.values()}
        parts = ([f"{names} moved {times.pop()} times"] if len(times) == 1 else
                 [f"{n} moved {t:.3g} times" for n, (_, t) in found.items()])
        right = [n for n in params if n not in found]
        ts = [t for _, t in found.values()]
        if all(abs(t) < 0.01 for t in ts):
            nudge = "Far too small a step: is the gradient scaled by lr more than once?"
        elif all(t > 1.5 and abs(t - round(t)) < 0.01 for t in ts):
            nudge = "Each step subtracts lr * grad once, not several times."
        else:
            nudge = "Multiply the gradient by lr once and subtract it once."
        return "step size", (f"{called}: {' and '.join(parts)} the step -lr * grad (expected exactly 1 time"
                             f"{', as ' + right[0] + ' did' if right else ''}). {nudge}")
    moved = [n for n in params if n not in found]
    if moved:
        return "did not change", (f"{called}: {names} did not change, while {' and '.join(moved)} moved by "
                                  "-lr * grad as it should. Every parameter needs its own update.")
    left = dict(_grads_left(params))
    if left:
        return "did not change", (f"{called}: {names} did not change, and their .grad still holds this step's "
                                  "gradient: no update reached the tensors you were given.")
    return "did not change", (f"{called}: {names} did not change, and their gradients were reset: nothing of the "
                              "gradient reached them. Move each parameter by -lr * its gradient before resetting "
                              "its gradient; a gradient reset first leaves only zeros to subtract.")


def _expect_moves(params, before, grads, lr, step, stale=None):
    found = _problem(params, before, grads, lr, step, stale)
    if found:
        expect(False, found[1], cause=found[0])


def _expect_reset(params, step):
    left = _grads_left(params)
    if left:
        expect(False, f"after {CALLED} ({step}), " + " and ".join(f"{n}.grad" for n, _ in left)
                      + f" still hold{'s' if len(left) == 1 else ''} a gradient (largest entry {left[0][1]:.4g}). "
                      "Forgot to reset gradients? The next backward() would add to it. Reset each gradient after "
                      "the update (zeros or None).", cause="not reset")


def _start(seed):
    w, b = data.params(seed)
    params = {"w": w, "b": b}
    before = {n: p.detach().clone() for n, p in params.items()}
    # the gradient's signs come from this starting point's residuals: never assume them
    grads = dict(zip(params, oracle.grads64(data.inputs(), data.targets(), w, b), strict=True))
    return params, before, grads


def test_the_step_returns_the_loss_before_the_update_as_a_python_float(kata, seed):
    w, b = data.params(seed)
    start = oracle.loss64(w, b)
    loss = _step(kata, w, b)
    after = oracle.loss64(w, b)
    if math.isclose(loss, after, rel_tol=1e-5) and not math.isclose(loss, start, rel_tol=1e-5):
        expect(False, f"{CALLED} returned {loss:.6g}, the loss after the update; expected {start:.6g}, the loss of "
                      "the predictions the gradients came from. Return the loss you called backward() on.",
               cause="the loss after the update")
    else:
        expect(math.isclose(loss, start, rel_tol=1e-5),
               f"{CALLED} returned {loss:.6g}; the mean squared error of inputs @ w.t() + b at the starting w and "
               f"b is {start:.6g}. Average the squared differences over every element.", cause="the loss")


def test_each_parameter_moves_by_minus_lr_times_its_gradient(kata, seed):
    params, before, grads = _start(seed)
    _step(kata, params["w"], params["b"])
    _expect_moves(params, before, grads, LR, "first call")


def test_the_gradients_are_reset_after_the_step(kata, seed):
    params, _, _ = _start(seed)
    _step(kata, params["w"], params["b"])
    _expect_reset(params, "first call")


def test_a_second_step_follows_only_the_new_gradient(kata, seed):
    params, _, _ = _start(seed)
    _step(kata, params["w"], params["b"])
    before = {n: p.detach().clone() for n, p in params.items()}
    grads = dict(zip(params, oracle.grads64(data.inputs(), data.targets(), *params.values()), strict=True))
    stale = {n: None if p.grad is None else p.grad.clone() for n, p in params.items()}
    _step(kata, params["w"], params["b"])
    _expect_moves(params, before, grads, LR, "second call", stale)
    _expect_reset(params, "second call")


def test_the_parameters_stay_leaves_that_require_grad(kata, seed):
    w, b = data.params(seed)
    _step(kata, w, b)
    lost = [n for n, p in (("w", w), ("b", b)) if not (p.is_leaf and p.requires_grad)]
    expect(not lost, f"after {CALLED}, {' and '.join(lost)} no longer {'is a leaf' if len(lost) == 1 else 'are leaves'}"
                     " that require grad, so the next backward() cannot fill their .grad. Leave requires_grad as "
                     "it is, and change the values only under torch.no_grad().", cause="leaves")


def test_the_loss_falls_over_a_few_steps(kata, seed):
    # measured: at lr 1e-5 the loss falls at every step, for every seed 0..49
    w, b = data.params(seed)
    losses = [_step(kata, w, b) for _ in range(5)]
    if all(later < earlier for earlier, later in zip(losses, losses[1:], strict=False)):
        return
    # the same cause as the check of the moves, when one of the first two steps went wrong
    params, before, grads = _start(seed)
    found = None
    for step in ("first call", "second call"):
        stale = {n: None if p.grad is None else p.grad.clone() for n, p in params.items()}
        _step(kata, params["w"], params["b"])
        found = found or _problem(params, before, grads, LR, step, stale if step == "second call" else None)
        before = {n: p.detach().clone() for n, p in params.items()}
        grads = dict(zip(params, oracle.grads64(data.inputs(), data.targets(), *params.values()), strict=True))
    expect(False, f"five calls of {CALLED} returned the losses {[round(v, 1) for v in losses]}; at this learning "
                  "rate each step lowers the loss." + (f"\n{found[1]}" if found else ""),
           cause=found[0] if found else "the loss does not fall")


# The written half: katas/q25_train_step.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("Each step computes fresh predictions from the current weights, and the loss from those "
                     "predictions.", "where each step's predictions come from"),
        written.true("The update subtracts the learning rate times the gradient from each weight and bias.",
                     "which way the update moves the weights"),
        written.false("The predictions can be computed once, before training, and reused by every step.",
                      "where each step's predictions come from"),
        written.false("The gradients are computed in the first step only; every later step reuses them.",
                      "whether each step computes new gradients"),
        written.true("`loss.backward()` runs after the loss is computed and before the weights and biases are "
                     "updated.", "the order of the steps"),
        written.true("Every step calls backward() again, because the gradient changes as the weights change.",
                     "whether each step computes new gradients"),
        written.false("The last step resets the weights and biases to zero, ready for the next step.",
                      "what the last step resets"),
        written.false("The update adds the learning rate times the gradient to each weight and bias.",
                      "which way the update moves the weights"),
        written.false("After `w = w - lr * w.grad` inside `torch.no_grad()`, the new `w` still requires grad.",
                      "what rebinding `w` does to it"),
    ),
    blanks=(
        written.Blank("A weight is 3.0, its gradient is 20.0 and the learning rate is 0.1. What is the weight after "
                      "the update step?", accept=("1", "1.0", "1.00"), reject=("5", "5.0", "3", "-17", "23", "2.9"),
                      form="one number", about="the value of a weight after one update"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor(1.0, requires_grad=True)\nloss = (2 * w - 6) ** 2\nloss.backward()\n"
                        "with torch.no_grad():\n    w -= 0.0625 * w.grad\n    w.grad.zero_()\n"
                        "print(w.item(), w.grad.item())", about="one training step by hand",
                        nudge="What is d((2w - 6)²)/dw at w = 1? Subtract 0.0625 times it; what is left in .grad "
                              "after the reset?"),
    ),
    ideas=(
        "generate predictions from the current weights and biases",
        "compute the loss (MSE) and its gradients with backward()",
        "subtract the learning rate times the gradient (in place, under no_grad), then reset the gradients",
        "repeat the steps many times (epochs)",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
