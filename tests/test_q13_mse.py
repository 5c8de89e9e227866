"""q13 · Mean squared error, by hand."""

import torch
import torch.nn.functional as F

from katakit import data, oracle
from katakit.checks import expect, expect_close, expect_tensor, expect_unchanged, forbid, refers_to


def test_mse_returns_a_float32_scalar(kata, seed):
    loss = kata.mse(data.random_batch(seed), data.random_batch(seed + 1))
    expect_tensor(loss, shape=(), nudge="A loss is one number for the whole batch. Did you forget to average?")


def test_mse_is_zero_for_perfect_predictions(kata):
    targets = data.targets()
    loss = expect_tensor(kata.mse(targets.clone(), targets), shape=())
    expect(loss.item() == 0, f"mse(targets, targets) returned {loss.item():.4g}; perfect predictions have loss 0.")


def test_mse_averages_over_every_element(kata):
    preds, targets = torch.tensor([[1.0, 2.0]]), torch.tensor([[1.0, 4.0]])
    value = expect_tensor(kata.mse(preds, targets), shape=()).item()
    if abs(value - 4.0) < 1e-6:
        expect(False, "mse([[1, 2]], [[1, 4]]) returned 4, the sum of squared errors. Did you forget to average? "
                      "The mean over 2 elements is 2.")
    elif abs(value - 1.0) < 1e-6:
        expect(False, "mse([[1, 2]], [[1, 4]]) returned 1, the mean of the absolute errors. Did you forget to square?")
    else:
        expect(abs(value - 2.0) < 1e-6, f"mse([[1, 2]], [[1, 4]]) returned {value:.4g}; expected 2 = ((1-1)² + (2-4)²) / 2.")


def test_mse_counts_misses_in_both_directions(kata):
    targets = torch.zeros(2, 2)
    loss = expect_tensor(kata.mse(torch.tensor([[3.0, -3.0], [3.0, -3.0]]), targets), shape=())
    expect(abs(loss.item() - 9.0) < 1e-5,
           f"mse([[3, -3], [3, -3]], zeros) returned {loss.item():.4g}; expected 9. Misses of +3 and -3 must not "
           "cancel out. Did you square the differences after averaging, or forget to square?")


def test_mse_matches_float64_oracle_on_crop_data(kata, seed):
    w, b = data.params(seed)
    preds = (data.inputs() @ w.t() + b).detach()
    targets = data.targets()
    loss = expect_tensor(kata.mse(preds, targets), shape=())
    expect_close(loss, oracle.mse64(preds, targets), what="the loss", rtol=1e-5,
                 nudge="Mean squared error is sum((preds - targets)²) / number of elements.")


def test_mse_does_not_change_its_inputs(kata, seed):
    preds, targets = data.random_batch(seed), data.random_batch(seed + 1)
    preds_before, targets_before = preds.clone(), targets.clone()
    kata.mse(preds, targets)
    expect_unchanged(preds_before, preds, "preds")
    expect_unchanged(targets_before, targets, "targets")


def test_mse_lets_autograd_flow_to_the_predictions(kata, seed):
    preds = data.random_batch(seed).requires_grad_()
    targets = data.random_batch(seed + 1)
    loss = expect_tensor(kata.mse(preds, targets), shape=())
    assert loss.requires_grad, (
        "mse(preds, targets) returned a loss with requires_grad=False although preds requires grad. "
        "Did you call .item(), .detach() or use numpy? Keep it a torch computation."
    )
    loss.backward()
    expected = 2 * (preds.detach().double() - targets.double()) / preds.numel()
    expect_close(preds.grad, expected, what="the gradient d(loss)/d(preds)",
                 nudge="If the gradient is N times too big, you summed instead of averaging.")


def test_mse_rejects_mismatched_shapes_instead_of_broadcasting(kata):
    preds, targets = torch.tensor([[1.0], [2.0], [3.0], [4.0]]), torch.tensor([1.0, 2.0, 3.0, 4.0])
    try:
        loss = kata.mse(preds, targets)
    except NotImplementedError:
        raise
    except (RuntimeError, ValueError):
        return  # refusing mismatched shapes is right
    expect(abs(float(loss)) < 1e-6,
           f"mse(preds of shape (4, 1), targets of shape (4,)) returned {float(loss):.4g}, but these predictions "
           "are perfect (loss 0). (4, 1) - (4,) silently broadcasts to a (4, 4) difference. "
           "Check that the shapes match and raise a ValueError (or reshape the targets) when they do not.")


def test_mse_is_written_by_hand(kata, seed):
    expect(not refers_to(kata, F.mse_loss),
           "katas/q13_mse.py imports mse_loss from torch.nn.functional. This kata asks for it by hand.")
    with forbid(F, "mse_loss", "F.mse_loss", "Square the differences and average them yourself."):
        kata.mse(data.random_batch(seed), data.random_batch(seed + 1))
