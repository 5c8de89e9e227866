"""q28 · Predictions from a trained model."""

import numpy as np
import torch

from katakit import data, oracle
from katakit.checks import expect, expect_unchanged


def _trained(seed, epochs=10, lr=1e-5):
    """The lesson's model after a few epochs of training, gradients reset: what predictions are made with."""
    w, b = data.params(seed)
    inputs, targets = data.inputs(), data.targets()
    for _ in range(epochs):
        ((inputs @ w.t() + b - targets) ** 2).mean().backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return w, b


def _predict(kata, x, w, b, rows: int) -> np.ndarray:
    preds = kata.predictions_as_numpy(x, w, b)
    called = f"predictions_as_numpy(x of shape ({rows}, 3), w, b)"
    assert not isinstance(preds, torch.Tensor), (
        f"{called} returned a torch.Tensor; expected a numpy array. Convert the predictions at the end with "
        ".numpy() (they must not be part of a graph when you do).")
    assert isinstance(preds, np.ndarray), (
        f"{called} returned {preds!r:.60} ({type(preds).__name__}); expected a numpy array (numpy.ndarray), "
        "the form you print, plot or save. Call .numpy() on the predictions tensor.")
    assert preds.shape == (rows, 2), (
        f"{called} returned an array of shape {preds.shape}; expected ({rows}, 2): one row per sample, one "
        "column per output. The model is x @ w.t() + b.")
    return preds


def test_the_predictions_come_back_as_a_numpy_array_with_one_row_per_sample(kata, seed):
    _predict(kata, data.inputs(), *_trained(seed), rows=5)


def test_the_array_holds_float32_like_the_model(kata, seed):
    preds = _predict(kata, data.inputs(), *_trained(seed), rows=5)
    expect(preds.dtype == np.float32,
           f"predictions_as_numpy(x, w, b) returned an array of dtype {preds.dtype}; expected float32, the dtype "
           "of the model. .numpy() keeps float32; .double(), np.array(..., dtype=float) or np.float64 turn it "
           "into float64 and double the memory for nothing.")


def _fmt(row) -> str:
    return "[" + ", ".join(f"{v:.4g}" for v in row) + "]"


def _expect_model(preds, x, w, b, called):
    expected = oracle.predict64(x, w, b).numpy()
    if np.allclose(preds, expected, rtol=1e-5, atol=1e-4):
        return
    without_bias = np.allclose(preds, (oracle.predict64(x, w, b) - b.detach().double()).numpy(), rtol=1e-5, atol=1e-4)
    nudge = ("That is x @ w.t() without the bias b: add + b." if without_bias else
             "The predictions are x @ w.t() + b with the trained w and b.")
    expect(False, f"{called} returned {_fmt(preds[0])} for the first sample; the trained model gives "
                  f"{_fmt(expected[0])}. {nudge}")


def test_the_predictions_match_the_float64_model(kata, seed):
    w, b = _trained(seed)
    preds = _predict(kata, data.inputs(), w, b, rows=5)
    _expect_model(preds, data.inputs(), w, b, "predictions_as_numpy(x, w, b)")


def test_a_new_sample_gets_its_own_prediction(kata, seed):
    w, b = _trained(seed)
    x = torch.tensor([[75.0, 63.0, 44.0]])  # a region that is not in the training data
    preds = _predict(kata, x, w, b, rows=1)
    _expect_model(preds, x, w, b, "predictions_as_numpy([[75, 63, 44]], w, b)")


def test_the_trained_parameters_are_left_as_they_were(kata, seed):
    w, b = _trained(seed)
    before = {"w": w.detach().clone(), "b": b.detach().clone()}
    _predict(kata, data.inputs(), w, b, rows=5)
    for name, p in (("w", w), ("b", b)):
        expect(p.requires_grad and p.is_leaf,
               f"after predictions_as_numpy(x, w, b), {name}.requires_grad is {p.requires_grad}: the parameter "
               "itself was switched off, and training it further would fail. Detach the predictions "
               f"(`preds.detach()`) or compute them under torch.no_grad(); leave {name} alone.")
        expect_unchanged(before[name], p, name)
        expect(p.grad is None or not p.grad.any(),
               f"after predictions_as_numpy(x, w, b), {name}.grad holds a gradient. Predicting needs no "
               "backward().")
