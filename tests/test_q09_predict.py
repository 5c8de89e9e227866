"""q09 · Generating predictions."""

import torch

from katakit import data, describe, oracle
from katakit.checks import expect, expect_close, expect_tensor, require

NOT_FLOAT32 = "x not made a float32 tensor"  # one cause: a list, whole numbers and float64 all need the same step


def _describe_x(x) -> str:
    if isinstance(x, torch.Tensor):
        return f"x of shape {describe.shape(x)}, {describe.dtype(x)}"
    return f"x={x!r} (a Python list)"


def _predict(kata, x, w: torch.Tensor, b: torch.Tensor, shape: tuple) -> tuple[torch.Tensor, str]:
    """Call predict and check the result is a float32 tensor of the expected shape."""
    __tracebackhide__ = True
    called = f"predict({_describe_x(x)}, w of shape {describe.shape(w)}, b)"
    try:
        preds = kata.predict(x, w, b)
    except (TypeError, AttributeError) as err:
        if not isinstance(x, list):
            raise
        require(False, f"{called} raised {type(err).__name__}: {err}. A Python list is not a tensor: it has no "
                       "tensor methods such as .float() and cannot take part in @. What turns a list into a float32 "
                       "tensor?", cause=NOT_FLOAT32)
    except RuntimeError as err:
        given = torch.as_tensor(x)
        if "same dtype" not in str(err) or given.dtype == torch.float32:
            raise  # other errors are explained by the runner, from the situation
        what = ("holds whole numbers, and a tensor of whole numbers is int64" if not given.is_floating_point()
                else f"is {describe.dtype(given)}")
        require(False, f"{called} raised RuntimeError: {err}. The input you were given {what}, while the weights "
                       "are float32: a matrix product needs both in one dtype. What must x become first?",
                cause=NOT_FLOAT32)
    if len(shape) == 1 and isinstance(preds, torch.Tensor) and tuple(preds.shape) == (1, *shape):
        require(False, f"{called} returned shape {describe.shape(preds)} for a single sample; expected {shape}, one "
                       "prediction per target. Did you turn the single sample into a batch of one and keep that "
                       "extra dimension? The matrix product already works on a 1-D sample of shape (k,).",
                cause="single sample kept as a batch")
    return expect_tensor(preds, shape=shape, called=called), called


def _expect_oracle(preds: torch.Tensor, x, w: torch.Tensor, b: torch.Tensor, called: str) -> None:
    x64 = torch.as_tensor(x).double()
    expected = oracle.predict64(x64, w, b)
    got = preds.detach().double()
    if not torch.allclose(got, expected, rtol=1e-4, atol=1e-4) and torch.allclose(
            got, x64 @ w.detach().double().t(), rtol=1e-4, atol=1e-3):
        expect(False, f"{called} returned predictions that equal the matrix product alone, with no bias in them. "
                      "Did you forget to add the bias b?", cause="forgot the bias")
    else:
        expect_close(preds, expected, what="the result", called=called,
                     nudge="Work out one prediction by hand: which row of w and which entry of b belong to each "
                           "target?")


def test_predict_gives_a_table_of_predictions_for_a_batch(kata, seed):
    w, b = data.params(seed)
    x = data.inputs()
    preds, called = _predict(kata, x, w, b, shape=(5, 2))
    _expect_oracle(preds, x, w, b, called)


def test_predict_gives_one_value_per_target_for_a_single_sample(kata, seed):
    w, b = data.params(seed)
    x = data.inputs()[2]
    preds, called = _predict(kata, x, w, b, shape=(2,))
    _expect_oracle(preds, x, w, b, called)


def test_predict_accepts_an_integer_tensor(kata, seed):
    w, b = data.params(seed)
    x = torch.tensor([[75, 63, 44]])
    preds, called = _predict(kata, x, w, b, shape=(1, 2))
    _expect_oracle(preds, x, w, b, called)


def test_predict_accepts_a_float64_tensor(kata, seed):
    w, b = data.params(seed)
    x = data.inputs().double()
    preds, called = _predict(kata, x, w, b, shape=(5, 2))
    _expect_oracle(preds, x, w, b, called)


def test_predict_accepts_python_lists(kata, seed):
    w, b = data.params(seed)
    for x, shape in (([[75, 63, 44]], (1, 2)), ([75, 63, 44], (2,)), ([[75.0, 63.0, 44.0], [80.0, 70.0, 50.0]], (2, 2))):
        preds, called = _predict(kata, x, w, b, shape=shape)
        _expect_oracle(preds, x, w, b, called)


def test_predict_matches_the_float64_oracle_for_random_batches(kata, seed):
    gen = torch.Generator().manual_seed(seed)
    n, k, m = (int(v) for v in torch.randint(1, 7, (3,), generator=gen))
    w, b = data.params(seed + 1, n_inputs=k, n_outputs=m)
    x = data.random_batch(seed + 2, rows=n, cols=k)
    preds, called = _predict(kata, x, w, b, shape=(n, m))
    _expect_oracle(preds, x, w, b, called)
