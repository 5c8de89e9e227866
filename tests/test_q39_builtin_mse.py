"""q39 · Mean squared error with the built-in."""

import contextlib
import math
import warnings

import torch
import torch.nn.functional as F

from katakit import data, oracle
from katakit.checks import expect, expect_close, expect_tensor, note, ops_run, require, says


def _loss(kata, preds, targets, called):
    """Hard precondition: a float32 scalar tensor."""
    __tracebackhide__ = True
    loss = kata.builtin_mse(preds, targets)
    same = isinstance(loss, torch.Tensor) and loss.shape == preds.shape
    return expect_tensor(loss, shape=(), called=called, nudge=(
        "It holds one squared error per element: did you pass reduction='none'? A loss is one number for the whole "
        "batch." if same else "A loss is one number for the whole batch."))


def _other_losses(preds, targets) -> list[tuple[float, str]]:
    """What F's other losses give on these values (float64), with the name a message uses for each: a learner
    who picks the wrong built-in gets told which one it looks like."""
    p, t = preds.detach().double(), targets.detach().double()
    found = [(F.smooth_l1_loss(p, t).item(), "the smooth L1 (Huber) loss, what F.smooth_l1_loss and F.huber_loss "
                                             "compute: it squares only the small differences")]
    with contextlib.suppress(Exception):  # cross-entropy wants class scores; on other shapes it is not a candidate
        found.append((F.cross_entropy(p, t).item(), "the cross-entropy of the rows as class scores, what "
                                                    "F.cross_entropy computes: a loss for classes, not for numbers"))
    return found


def _known_mistake(loss, preds, targets, called):
    """(message, cause) when the loss is not the mean squared error, naming the quantity it is when that is
    known; None when it is the MSE."""
    got = loss.item()
    diff = preds.detach().double() - targets.detach().double()
    mean, total, mae = (diff ** 2).mean().item(), (diff ** 2).sum().item(), diff.abs().mean().item()
    if math.isclose(got, mean, rel_tol=1e-4, abs_tol=1e-6):
        return None
    if math.isclose(got, total, rel_tol=1e-4):
        return (f"{called} returned {got:.4g}, the sum of the squared errors; their mean is {mean:.4g}. Did you forget "
                "to average? With reduction='sum' the built-in adds the squared errors up; its default reduction "
                "divides by the number of elements.", "sum instead of mean")
    if math.isclose(got, math.sqrt(mean), rel_tol=1e-4):
        return (f"{called} returned {got:.4g} = √{mean:.4g}, the square root of the mean squared error (RMSE). Mean "
                "squared error keeps the square: do not take its square root.", "root of the mean")
    if math.isclose(got, mae, rel_tol=1e-4):
        return (f"{called} returned {got:.4g}, the mean absolute error (what F.l1_loss computes); the mean squared "
                f"error is {mean:.4g}. Which of F's losses squares each difference?", "absolute error")
    like = next((name for value, name in _other_losses(preds, targets) if math.isclose(got, value, rel_tol=1e-4)),
                None)
    return (f"{called} returned {got:.4g}, which differs from the mean squared error, {mean:.4g}"
            + (f": it equals {like}" if like else "") + ". Which of F's losses averages the squared differences?",
            "not the mean squared error")


def _value_is_known_mistake(loss, preds, targets, called) -> bool:
    """Report a loss that is not the MSE under its own cause; True when it was not the MSE."""
    mistake = _known_mistake(loss, preds, targets, called)
    if mistake:
        expect(False, *mistake)
    return mistake is not None


def test_builtin_mse_returns_a_float32_scalar(kata, seed):
    preds, targets = data.random_batch(seed), data.random_batch(seed + 1)
    _loss(kata, preds, targets, "builtin_mse(preds (5, 2), targets (5, 2))")


def test_builtin_mse_averages_the_squared_errors(kata):
    preds, targets = torch.tensor([[1.0, 2.0]]), torch.tensor([[1.0, 4.0]])
    called = "builtin_mse([[1, 2]], [[1, 4]])"
    _value_is_known_mistake(_loss(kata, preds, targets, called), preds, targets, called)  # the MSE is 2


def test_builtin_mse_lets_autograd_flow_to_the_predictions(kata, seed):
    preds = data.random_batch(seed).requires_grad_()
    targets = data.random_batch(seed + 1)
    called = "builtin_mse(preds (5, 2), targets (5, 2))"
    loss = _loss(kata, preds, targets, called)
    if _value_is_known_mistake(loss, preds, targets, called):
        return
    require(loss.requires_grad,
            f"{called} returned a loss with requires_grad=False although preds requires grad. Did you call .item() "
            "or .detach(), or compute it inside torch.no_grad()? The built-in's result carries the graph; keep it.",
            cause="no graph")
    loss.backward()
    expected = 2 * (preds.detach().double() - targets.double()) / preds.numel()
    expect_close(preds.grad, expected, what="the gradient d(loss)/d(preds)", called=called)


@says("builtin_mse calls the built-in from torch.nn.functional")
def test_builtin_mse_calls_the_builtin_from_torch_nn_functional(kata, seed):
    preds, targets = data.random_batch(seed), data.random_batch(seed + 1)
    called = "builtin_mse(preds (5, 2), targets (5, 2))"
    with ops_run() as seen:  # F.mse_loss by any route (an alias, functools.partial, nn.MSELoss)
        loss = _loss(kata, preds, targets, called)
    if _value_is_known_mistake(loss, preds, targets, called):
        return
    expect("mse_loss" in seen,
           f"{called} never called F.mse_loss (torch.nn.functional.mse_loss), though its value is right. This kata "
           "asks for the built-in: you wrote mean squared error by hand in q13; here, let PyTorch do it.",
           cause="by hand")


def test_builtin_mse_matches_a_float64_oracle_on_crop_data(kata, seed):
    w, b = data.params(seed)
    preds = (data.inputs(15) @ w.t() + b).detach()
    targets = data.targets(15)
    called = "builtin_mse(preds (15, 2), targets (15, 2))"
    loss = _loss(kata, preds, targets, called)
    if not _value_is_known_mistake(loss, preds, targets, called):
        expect_close(loss, oracle.mse64(preds, targets), what="the loss", called=called, rtol=1e-5,
                     nudge="Is it the mean of the squared differences, over every element?")
    perfect, flat = torch.tensor([[1.0], [2.0], [3.0], [4.0]]), torch.tensor([1.0, 2.0, 3.0, 4.0])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            broadcast = float(kata.builtin_mse(perfect, flat))
    except Exception:  # noqa: BLE001 (refusing mismatched shapes, in any way, is what the note asks for)
        broadcast = 0.0
    note(abs(broadcast) < 1e-6,
         f"builtin_mse(preds of shape (4, 1), targets of shape (4,)) returned {broadcast:.4g} for predictions that "
         "are perfect: F.mse_loss only warns when the shapes differ, then compares every prediction with every "
         "target, (4, 4). Checking that the shapes match, and raising a ValueError when they do not, turns that "
         "silent mistake into an error.")
