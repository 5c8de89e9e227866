"""q28 · Predictions from a trained model."""

import numpy as np
import torch
import torch.nn.functional as F

from katakit import data, oracle
from katakit.checks import expect, expect_unchanged, note, require, says


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
    require(not isinstance(preds, torch.Tensor),
            f"{called} returned a torch.Tensor; expected a numpy array. Convert the predictions at the end with "
            ".numpy() (they must not be part of a graph when you do).", cause="predictions_as_numpy: type")
    require(isinstance(preds, np.ndarray),
            f"{called} returned {preds!r:.60} ({type(preds).__name__}); expected a numpy array (numpy.ndarray), "
            "the form you print, plot or save. Call .numpy() on the predictions tensor.",
            cause="predictions_as_numpy: type")
    require(preds.shape == (rows, 2),
            f"{called} returned an array of shape {preds.shape}; expected ({rows}, 2): one row per sample, one "
            "column per output. The model is x @ w.t() + b.", cause="predictions_as_numpy: shape")
    return preds


@says("the predictions come back as a NumPy array with one row per sample")
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
                  f"{_fmt(expected[0])}. {nudge}", cause="predictions_as_numpy: values")


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
    params = {"w": w, "b": b}
    before = {n: p.detach().clone() for n, p in params.items()}
    _predict(kata, data.inputs(), w, b, rows=5)
    off = [n for n, p in params.items() if not (p.requires_grad and p.is_leaf)]
    expect(not off, f"after predictions_as_numpy(x, w, b), {' and '.join(off)} no longer require grad: the parameters "
                    "themselves were switched off, and training them further would fail. Leave requires_grad of w "
                    "and b as it is; what must be free of the graph is the predictions.", cause="switched off")
    for name, p in params.items():
        expect_unchanged(before[name], p, name)
    filled = [n for n, p in params.items() if p.grad is not None and p.grad.any()]
    expect(not filled, f"after predictions_as_numpy(x, w, b), {' and '.join(n + '.grad' for n in filled)} hold a "
                       "gradient. Predicting needs no backward().")


# predict_new_region and prediction_errors: a trained nn.Linear, as at the end of the lesson

NEW_REGION = [75, 63, 44.0]  # the lesson's new region: `model(torch.tensor([[75, 63, 44.]]))`


def _trained_model(seed, epochs=20):
    """nn.Linear(3, 2) from the seeded start, after a few full-batch gradient descent epochs on the 15-row crop
    data (by hand: torch.optim's first step() costs seconds of imports)."""
    model = data.linear_model(seed)
    inputs, targets = data.inputs(15), data.targets(15)
    for _ in range(epochs):
        F.mse_loss(model(inputs), targets).backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= 1e-5 * p.grad
                p.grad = None
    return model


def _state(model):
    return [p.detach().clone() for p in model.parameters()]


def _expect_model_left_alone(model, before, called):
    changed = [name for (name, p), old in zip(model.named_parameters(), before, strict=True)
               if not torch.equal(p.detach(), old)]
    expect(not changed, f"{called} changed model.{' and model.'.join(changed)}. Predicting only reads the trained "
                        "parameters.", cause="the model changed")
    filled = [name for name, p in model.named_parameters() if p.grad is not None and p.grad.any()]
    expect(not filled, f"after {called}, model.{'.grad and model.'.join(filled)}.grad hold a gradient. Predicting "
                       "needs no backward().", cause="the model changed")


def _new_region(kata, model, region):
    called = f"predict_new_region(model, {region})"
    preds = kata.predict_new_region(model, list(region))
    require(isinstance(preds, torch.Tensor),
            f"{called} returned {preds!r:.60} ({type(preds).__name__}); expected a torch.Tensor of shape (1, 2), "
            "what the model itself returns.", cause="predict_new_region: type")
    flat = tuple(preds.shape) == (2,)
    require(tuple(preds.shape) == (1, 2),
            f"{called} returned shape {tuple(preds.shape)}; expected (1, 2): one row of [apples, oranges]. "
            + ("nn.Linear takes a batch of rows, and one region is a batch of one row: the input is (1, 3), "
               "not (3,)." if flat else "One region in, one row of two predictions out."),
            cause="predict_new_region: shape")
    require(preds.dtype == torch.float32,
            f"{called} returned dtype {str(preds.dtype).replace('torch.', '')}; expected float32, the dtype of the "
            "model.", cause="predict_new_region: dtype")
    return preds


def test_a_new_region_gets_one_row_of_two_predictions(kata, seed):
    model = _trained_model(seed)
    _new_region(kata, model, NEW_REGION)
    # the lesson writes 44. to get float32; a region of whole numbers is int64 unless told otherwise: a note
    try:
        preds = kata.predict_new_region(model, [75, 63, 44])
        worked = isinstance(preds, torch.Tensor) and preds.dtype == torch.float32
    except Exception:  # noqa: BLE001 - any failure on whole numbers is the same note
        worked = False
    note(worked, "predict_new_region(model, [75, 63, 44]) fails when every number is whole: torch.tensor makes "
                 "int64 from whole numbers, and nn.Linear wants float32. dtype=torch.float32 makes any region work.")


@says("the new region's prediction is the trained model's")
def test_the_new_regions_prediction_is_the_trained_models(kata, seed):
    model = _trained_model(seed)
    for region in (NEW_REGION, [60.0, 120.0, 55.0]):
        preds = _new_region(kata, model, region)
        expected = oracle.predict64(torch.tensor([region]), model.weight, model.bias)
        if not torch.allclose(preds.detach().double(), expected, rtol=1e-5, atol=1e-4):
            expect(False, f"predict_new_region(model, {region}) returned {_fmt(preds.detach()[0].tolist())}; the "
                          f"trained model you were given predicts {_fmt(expected[0].tolist())} for it. Predict with "
                          "that model, on this region's three numbers in their order.",
                   cause="predict_new_region: values")
            return


def test_predicting_a_new_region_leaves_the_model_as_it_was(kata, seed):
    model = _trained_model(seed)
    before = _state(model)
    preds = _new_region(kata, model, NEW_REGION)
    _expect_model_left_alone(model, before, f"predict_new_region(model, {NEW_REGION})")
    note(not preds.requires_grad, "predict_new_region returns a tensor that is still part of the autograd graph. "
                                  "Nothing needs its gradient: under torch.no_grad() the prediction is plain numbers.")


def _errors(kata, model, inputs, targets, called):
    errors = kata.prediction_errors(model, inputs, targets)
    require(isinstance(errors, torch.Tensor),
            f"{called} returned {errors!r:.60} ({type(errors).__name__}); expected a torch.Tensor of shape "
            f"{tuple(targets.shape)}.", cause="prediction_errors: type")
    if tuple(errors.shape) != tuple(targets.shape):
        preds = oracle.predict64(inputs, model.weight, model.bias)
        mse = errors.dim() == 0 and np.isclose(errors.item(), oracle.mse64(preds, targets).item(), rtol=1e-4)
        require(False, f"{called} returned shape {tuple(errors.shape)}; expected {tuple(targets.shape)}, one "
                       "difference per sample and output."
                       + (f" That is the mean squared error ({errors.item():.4g}), one number for the whole data: "
                          "the loss, not how far off each prediction is." if mse else ""),
                cause="prediction_errors: shape")
    return errors


def test_the_errors_have_one_entry_per_sample_and_output(kata, seed):
    _errors(kata, _trained_model(seed), data.inputs(15), data.targets(15), "prediction_errors(model, inputs, targets)")


def test_the_errors_are_the_predictions_minus_the_targets(kata, seed):
    model = _trained_model(seed)
    inputs, targets = data.inputs(15), data.targets(15)
    called = "prediction_errors(model, inputs, targets)"
    got = _errors(kata, model, inputs, targets, called).detach().double()
    expected = oracle.predict64(inputs, model.weight, model.bias) - targets.double()
    if torch.allclose(got, expected, rtol=1e-5, atol=1e-3):
        return
    if torch.allclose(got, -expected, rtol=1e-5, atol=1e-3):
        why = ("Every entry has the opposite sign: that is targets - preds. A positive error must mean the model "
               "predicts too much.")
    elif torch.allclose(got, expected ** 2, rtol=1e-4, atol=1e-2):
        why = ("These are the squared differences: a square cannot tell a prediction that is too high from one that "
               "is too low. Keep the sign.")
    else:
        why = "Predict with the trained model you were given, then compare with the targets."
    expect(False, f"{called} returned {_fmt(got[0].tolist())} for the first sample; the trained model's prediction "
                  f"minus the target is {_fmt(expected[0].tolist())}. {why}", cause="prediction_errors: values")


def test_comparing_leaves_the_model_as_it_was(kata, seed):
    model = _trained_model(seed)
    before = _state(model)
    errors = _errors(kata, model, data.inputs(15), data.targets(15), "prediction_errors(model, inputs, targets)")
    _expect_model_left_alone(model, before, "prediction_errors(model, inputs, targets)")
    note(not errors.requires_grad, "prediction_errors returns a tensor that is still part of the autograd graph. "
                                   "Nothing needs its gradient: under torch.no_grad() the errors are plain numbers.")
