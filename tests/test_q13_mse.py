"""q13 · Mean squared error, by hand."""

import torch
import torch.nn.functional as F

from katakit import data, describe, oracle
from katakit.checks import expect, expect_close, expect_tensor, forbid, note, refers_to

SCALAR_NUDGE = "A loss is one number for the whole batch. Which operation turns a table into one number?"


def _scalar(loss, preds: torch.Tensor, called: str) -> torch.Tensor:
    """Hard precondition: a float32 tensor of shape (); the nudge says what the shape seen looks like."""
    __tracebackhide__ = True
    nudge = SCALAR_NUDGE
    if isinstance(loss, torch.Tensor) and loss.shape == preds.shape:
        nudge = f"That is the shape of preds: one value per element. {SCALAR_NUDGE}"
    return expect_tensor(loss, shape=(), called=called, nudge=nudge)


def _wrong_ways(preds: torch.Tensor, targets: torch.Tensor) -> list[tuple[str, float, str]]:
    """The usual wrong formulas on these numbers, in float64: (cause, the value it gives, what that value is)."""
    diff = preds.detach().double() - targets.detach().double()
    n, rows = diff.numel(), len(diff)
    squares = diff * diff
    return [
        ("sum instead of mean", squares.sum().item(),
         f"the sum of the squared errors, {n} times their mean. Did you forget to average?"),
        ("divided by the number of rows", (squares.sum() / rows).item(),
         f"the sum of the squared errors divided by the {rows} rows. The mean divides by every element: "
         f"{describe.shape(diff)} holds {n} of them."),
        ("not squared", diff.abs().mean().item(),
         "the mean of the absolute errors. Did you forget to square?"),
        ("not squared", diff.mean().item(),
         "the mean of the signed errors. Did you forget to square?"),
        ("squared the mean", (diff.mean() ** 2).item(),
         "the square of the mean error. Misses of opposite sign must not cancel out: which comes first, "
         "squaring each difference or averaging?"),
        ("square root of the mean", squares.mean().sqrt().item(),
         "the square root of the mean squared error (RMSE). Mean squared error stops before the square root."),
    ]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-5 + 1e-5 * abs(b)


def _expect_loss(loss: torch.Tensor, preds: torch.Tensor, targets: torch.Tensor, called: str) -> bool:
    """The loss has the value of the mean squared error; when it has the value of a known wrong formula (and of no
    other), the message names that formula and every check that sees it shares one cause."""
    got, want = loss.item(), oracle.mse64(preds, targets).item()
    if _close(got, want):
        return True
    ways = [(cause, what) for cause, value, what in _wrong_ways(preds, targets)
            if _close(got, value) and not _close(value, want)]
    if len({cause for cause, _ in ways}) == 1:
        cause, what = ways[0]
        return expect(False, f"{called} returned {got:.4g}; expected {want:.4g}. {got:.4g} is {what}", cause=cause)
    return expect(False, f"{called} returned {got:.4g}; expected {want:.4g}, the mean of the squared differences "
                         "over every element.")


def test_mse_returns_a_float32_scalar(kata, seed):
    preds, targets = data.random_batch(seed), data.random_batch(seed + 1)
    _scalar(kata.mse(preds, targets), preds, "mse(preds of shape (5, 2), targets of shape (5, 2))")


def test_mse_is_zero_for_perfect_predictions(kata):
    targets = data.targets()
    called = "mse(targets, targets)"
    loss = _scalar(kata.mse(targets.clone(), targets), targets, called)
    expect(loss.item() == 0, f"{called} returned {loss.item():.4g}; perfect predictions have loss 0.")
    _note_on_mismatched_shapes(kata)


def _note_on_mismatched_shapes(kata) -> None:
    """Going further: perfect predictions (4, 1) against targets (4,) broadcast to a (4, 4) difference."""
    preds, targets = torch.tensor([[1.0], [2.0], [3.0], [4.0]]), torch.tensor([1.0, 2.0, 3.0, 4.0])
    try:
        loss = kata.mse(preds, targets)
    except NotImplementedError:
        raise
    except Exception:  # noqa: BLE001 - refusing mismatched shapes, in any way, is the habit this note asks for
        return
    if isinstance(loss, torch.Tensor) and loss.numel() == 1:
        note(loss.item() == 0,
             f"mse(preds of shape (4, 1), targets of shape (4,)) returned {loss.item():.4g} for predictions that "
             "equal their targets: (4, 1) - (4,) silently broadcasts to a (4, 4) difference. Checking that the "
             "shapes are equal (raise a ValueError when they differ) catches that mistake where it happens.")


def test_mse_averages_over_every_element(kata):
    preds, targets = torch.tensor([[2.0, 1.0], [3.0, 3.0]]), torch.tensor([[1.0, 4.0], [1.0, 4.0]])
    called = "mse([[2, 1], [3, 3]], [[1, 4], [1, 4]])"
    _expect_loss(_scalar(kata.mse(preds, targets), preds, called), preds, targets, called)


def test_mse_counts_misses_in_both_directions(kata):
    preds, targets = torch.tensor([[4.0, -2.0], [2.0, -2.0]]), torch.zeros(2, 2)
    called = "mse([[4, -2], [2, -2]], zeros)"
    _expect_loss(_scalar(kata.mse(preds, targets), preds, called), preds, targets, called)


def test_mse_matches_float64_oracle_on_crop_data(kata, seed):
    w, b = data.params(seed)
    preds = (data.inputs() @ w.t() + b).detach()
    targets = data.targets()
    called = "mse(crop predictions of shape (5, 2), crop targets of shape (5, 2))"
    given = preds.clone(), targets.clone()
    _expect_loss(_scalar(kata.mse(preds, targets), preds, called), *given, called)


def test_mse_does_not_change_its_inputs(kata, seed):
    preds, targets = data.random_batch(seed), data.random_batch(seed + 1)
    given = preds.clone(), targets.clone()
    kata.mse(preds, targets)
    for name, before, after in zip(("preds", "targets"), given, (preds, targets), strict=True):
        expect(torch.equal(before, after),
               f"mse(preds, targets) changed its input `{name}` in place. Work on new tensors (`a - b`, not "
               "`a -= b`) so the caller's data stays intact.", cause="changed its input in place")


def test_mse_lets_autograd_flow_to_the_predictions(kata, seed):
    preds = data.random_batch(seed).requires_grad_()
    targets = data.random_batch(seed + 1)
    before = preds.detach().clone()
    called = "mse(preds of shape (5, 2) with requires_grad=True, targets of shape (5, 2))"
    loss = _scalar(kata.mse(preds, targets), preds, called)
    expect(torch.equal(preds.detach(), before),
           f"{called} changed its input `preds` in place (through .detach() or .data, which share its memory). "
           "Work on new tensors (`a - b`, not `a -= b`) so the caller's data stays intact.",
           cause="changed its input in place")
    assert loss.requires_grad, (
        f"{called} returned a loss with requires_grad=False although preds requires grad. "
        "Did you call .item(), .detach() or use numpy? Keep it a torch computation.")
    if not _expect_loss(loss, before, targets, called):
        return  # a wrong value has wrong gradients too: one cause, said once
    loss.backward()
    expected = 2 * (before.double() - targets.double()) / before.numel()
    expect_close(preds.grad, expected, what="the gradient d(loss)/d(preds)", called=called,
                 nudge="The value is right but the gradient is not: is part of the computation done outside torch?")


def test_mse_is_written_by_hand(kata, seed):
    expect(not refers_to(kata, F.mse_loss),
           "katas/q13_mse.py imports mse_loss from torch.nn.functional. This kata asks for it by hand.")
    with forbid("mse_loss", "F.mse_loss", "Square the differences and average them yourself."):
        kata.mse(data.random_batch(seed), data.random_batch(seed + 1))
