"""q39 · Mean squared error with the built-in."""

import contextlib
import math

import torch
import torch.nn.functional as F

from katakit import data, oracle
from katakit.checks import expect, expect_close, expect_tensor


@contextlib.contextmanager
def _spy_on(module, attr: str):
    """Count the calls to module.attr while the block runs (the real function still does the work)."""
    original, calls = getattr(module, attr), []

    def spy(*args, **kwargs):
        calls.append((args, kwargs))
        return original(*args, **kwargs)

    setattr(module, attr, spy)
    try:
        yield calls
    finally:
        setattr(module, attr, original)


def test_builtin_mse_returns_a_float32_scalar(kata, seed):
    loss = kata.builtin_mse(data.random_batch(seed), data.random_batch(seed + 1))
    expect_tensor(loss, shape=(), nudge="A loss is one number for the whole batch. F.mse_loss gives one with "
                                        "its default reduction='mean'; did you pass reduction='none'?")


def test_builtin_mse_averages_the_squared_errors(kata):
    preds, targets = torch.tensor([[1.0, 2.0]]), torch.tensor([[1.0, 4.0]])
    loss = expect_tensor(kata.builtin_mse(preds, targets), shape=())
    value = loss.item()
    expect(abs(value - 4.0) > 1e-6,
           "builtin_mse([[1, 2]], [[1, 4]]) returned 4, the sum of squared errors. Did you forget to average? "
           "reduction='sum' adds them up; the default reduction='mean' divides by the 2 elements.")
    expect(abs(value - math.sqrt(2.0)) > 1e-6,
           "builtin_mse([[1, 2]], [[1, 4]]) returned 1.414 = √2, the square root of the mean squared error (RMSE). "
           "Mean squared error keeps the square: do not take torch.sqrt of it.")
    expect(abs(value - 2.0) < 1e-6,
           f"builtin_mse([[1, 2]], [[1, 4]]) returned {value:.4g}; expected 2 = ((1-1)² + (2-4)²) / 2.")


def test_builtin_mse_lets_autograd_flow_to_the_predictions(kata, seed):
    preds = data.random_batch(seed).requires_grad_()
    targets = data.random_batch(seed + 1)
    loss = expect_tensor(kata.builtin_mse(preds, targets), shape=())
    assert loss.requires_grad, (
        "builtin_mse(preds, targets) returned a loss with requires_grad=False although preds requires grad. "
        "Did you call .item() or .detach(), or wrap it in torch.no_grad()? Return what F.mse_loss returns.")
    loss.backward()
    expected = 2 * (preds.detach().double() - targets.double()) / preds.numel()
    expect_close(preds.grad, expected, what="the gradient d(loss)/d(preds)",
                 nudge="If the gradient is N times too big, you summed instead of averaging.")


def test_builtin_mse_calls_the_builtin_from_torch_nn_functional(kata, seed):
    with _spy_on(F, "mse_loss") as calls:
        kata.builtin_mse(data.random_batch(seed), data.random_batch(seed + 1))
    # `from torch.nn.functional import mse_loss` binds the real function, which the spy cannot see: fine too
    imported_directly = any(v is F.mse_loss for v in kata.module.builtin_mse.__globals__.values())
    expect(bool(calls) or imported_directly,
           "builtin_mse(preds, targets) never called F.mse_loss (torch.nn.functional.mse_loss). This kata asks "
           "for the built-in: you wrote mean squared error by hand in q13; here, let PyTorch do it.")


def test_builtin_mse_rejects_mismatched_shapes_instead_of_broadcasting(kata):
    preds, targets = torch.tensor([[1.0], [2.0], [3.0], [4.0]]), torch.tensor([1.0, 2.0, 3.0, 4.0])
    try:
        loss = kata.builtin_mse(preds, targets)
    except NotImplementedError:
        raise
    except (RuntimeError, ValueError):
        return  # refusing mismatched shapes is right
    expect(abs(float(loss)) < 1e-6,
           f"builtin_mse(preds of shape (4, 1), targets of shape (4,)) returned {float(loss):.4g}, but these "
           "predictions are perfect (loss 0). F.mse_loss only warns about different shapes, then silently "
           "broadcasts them to a (4, 4) comparison of every prediction with every target. Check that the "
           "shapes match and raise a ValueError when they do not.")


def test_builtin_mse_matches_float64_oracle_on_crop_data(kata, seed):
    w, b = data.params(seed)
    preds = (data.inputs(15) @ w.t() + b).detach()
    targets = data.targets(15)
    loss = expect_tensor(kata.builtin_mse(preds, targets), shape=())
    expect_close(loss, oracle.mse64(preds, targets), what="the loss", rtol=1e-5,
                 nudge="Mean squared error is sum((preds - targets)²) / number of elements; "
                       "F.mse_loss(preds, targets) computes exactly that.")
