"""q08 · The model as matrix operations."""

import torch

from katakit import data, describe, oracle
from katakit.checks import expect, expect_close, expect_tensor, expect_unchanged


def _called(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> str:
    return f"model(x of shape {describe.shape(x)}, w of shape {describe.shape(w)}, b of shape {describe.shape(b)})"


def _predict(kata, x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    __tracebackhide__ = True
    try:
        preds = kata.model(x, w, b)
    except NotImplementedError:
        raise
    except RuntimeError as err:
        if "must match the size" not in str(err):
            raise  # the known mistakes (such as a missing .t()) are named by the runner
        raise AssertionError(
            f"{_called(x, w, b)} raised RuntimeError: {err}. Two tensors met in an elementwise + or * with shapes "
            "that do not broadcast. x @ w.t() has shape (N, m), and b of shape (m,) is added to every row just as "
            "it is: did you reshape b (unsqueeze, view, a column), or multiply x and w with * instead of @?"
        ) from None
    return expect_tensor(preds, shape=(len(x), len(w)), called=_called(x, w, b),
                         nudge="One row per sample, one column per target: (N, k) inputs and (m, k) weights "
                               "give (N, m).")


def _name_the_mistake(preds: torch.Tensor, x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> str | None:
    """Compare with the usual wrong formulas, in float64, to say which one the predictions follow."""
    got, x64, w64, b64 = (t.detach().double() for t in (preds, x, w, b))

    def follows(wrong: torch.Tensor) -> bool:
        return wrong.shape == got.shape and torch.allclose(got, wrong, rtol=1e-4, atol=1e-3)

    if follows(x64 @ w64.t()):
        return "They are x @ w.t() without the bias. Did you forget to add the bias b?"
    if len(x) == len(w) and follows(x64 @ w64.t() + b64.unsqueeze(1)):
        return ("The bias went in per row: b[i] was added to every prediction of sample i. b[j] belongs to "
                "target j, a column; b of shape (m,) broadcasts over the rows just as it is.")
    if w.shape[0] == w.shape[1] and follows(x64 @ w64 + b64):
        return ("They are x @ w + b: w was used without transposing it, which only runs because w is square "
                "here. Did you forget the `.t()`? Row j of w holds the weights of target j.")
    return None


def _check_values(kata, x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> None:
    preds = _predict(kata, x, w, b)
    expected = oracle.predict64(x, w, b)
    mistake = None if torch.allclose(preds.detach().double(), expected, rtol=1e-4, atol=1e-4) else (
        _name_the_mistake(preds, x, w, b))
    if mistake:
        expect(False, f"{_called(x, w, b)} returned predictions that differ from x @ w.t() + b. {mistake}")
    else:
        expect_close(preds, expected, what="the predictions table", called=_called(x, w, b),
                     nudge="Each prediction [n, j] is the sum over i of x[n, i] * w[j, i], plus b[j].")


def test_model_predicts_the_crop_yields_of_every_sample(kata, seed):
    w, b = data.params(seed)
    _check_values(kata, data.inputs(), w.detach(), b.detach())


def test_model_adds_the_bias(kata, seed):
    w, _ = data.params(seed)
    _check_values(kata, data.inputs(), w.detach(), torch.tensor([100.0, -50.0]))


def test_the_bias_goes_to_each_target_column_not_each_sample_row(kata, seed):
    x = data.random_batch(seed, rows=2, cols=3)
    w, b = data.params(seed + 1, n_inputs=3, n_outputs=2)
    _check_values(kata, x, w.detach(), b.detach() * 10)


def test_model_transposes_w_even_when_it_is_square(kata, seed):
    w, b = data.params(seed, n_inputs=3, n_outputs=3)
    _check_values(kata, data.inputs(), w.detach(), b.detach())


def test_the_predictions_stay_connected_to_w_and_b(kata, seed):
    x = data.inputs()
    w, b = data.params(seed)
    preds = _predict(kata, x, w, b)
    assert preds.requires_grad, (
        f"{_called(x, w, b)} returned predictions with requires_grad=False although w and b require grad. "
        "Did .detach(), .item(), numpy or torch.no_grad() cut the graph? Training needs backward() to reach "
        "w and b through the predictions.")
    preds.sum().backward()
    # d(sum of preds)/dw[j, i] = sum of column i of x; d(sum of preds)/db[j] = N
    expect_close(w.grad, x.double().sum(0).expand(2, 3), what="w.grad after preds.sum().backward()",
                 called=_called(x, w, b), nudge="Every weight should reach the predictions through x @ w.t().")
    expect(b.grad is not None and torch.equal(b.grad, torch.full((2,), 5.0)),
           f"after {_called(x, w, b)} and preds.sum().backward(), b.grad is "
           f"{None if b.grad is None else b.grad.tolist()}; expected [5.0, 5.0], since b[j] is added once to "
           "each of the 5 predictions of target j. Did you forget to add the bias b?")


def test_model_does_not_change_its_inputs(kata, seed):
    x, (w, b) = data.inputs(), data.params(seed)
    before = [t.detach().clone() for t in (x, w, b)]
    kata.model(x, w, b)
    for name, old, new in zip(("x", "w", "b"), before, (x, w, b), strict=True):
        expect_unchanged(old, new, name, called=_called(x, w, b))


def test_model_matches_the_float64_oracle_for_other_shapes(kata, seed):
    gen = torch.Generator().manual_seed(seed)
    n, k, m = (int(v) for v in torch.randint(1, 7, (3,), generator=gen))
    w, b = data.params(seed + 1, n_inputs=k, n_outputs=m)
    _check_values(kata, data.random_batch(seed + 2, rows=n, cols=k), w.detach(), b.detach())
