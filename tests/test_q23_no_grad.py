"""q23 · torch.no_grad."""

import pytest
import torch

from katakit import data, oracle
from katakit.checks import expect, expect_no_graph, expect_tensor, expect_unchanged
from katakit.written import check_concepts, check_length


def _params_with_grads(seed):
    """Seeded w, b after one backward(), so each holds a gradient that predicting must leave alone."""
    w, b = data.params(seed)
    ((data.inputs() @ w.t() + b - data.targets()) ** 2).mean().backward()
    return w, b


def _expect_model(preds, x, w, b):
    # torch.allclose, not torch.testing.assert_close: the latter costs a second of imports on first use
    expected = oracle.predict64(x, w, b)
    got = preds.detach().double()
    expect(torch.allclose(got, expected, rtol=1e-5, atol=1e-4),
           f"predict_no_grad(x of shape {tuple(x.shape)}, w, b) returned "
           f"{[round(v, 3) for v in got[0].tolist()]} for the first sample; x @ w.t() + b gives "
           f"{[round(v, 3) for v in expected[0].tolist()]}. The model is x @ w.t() + b: w has shape "
           "(outputs, inputs), hence the .t().")


def test_predictions_are_a_float32_tensor_with_one_row_per_sample(kata, seed):
    w, b = data.params(seed)
    preds = kata.predict_no_grad(data.inputs(), w, b)
    assert isinstance(preds, torch.Tensor), (
        f"predict_no_grad(x, w, b) returned {type(preds).__name__}; expected a torch.Tensor. "
        "Keep the predictions a tensor: no .numpy() here (q28 converts them for plotting).")
    expect_tensor(preds, shape=(5, 2), nudge="x @ w.t() + b has one row per sample, one column per output.")


def test_predictions_are_not_part_of_the_autograd_graph(kata, seed):
    w, b = data.params(seed)
    preds = expect_tensor(kata.predict_no_grad(data.inputs(), w, b), shape=(5, 2))
    expect_no_graph(preds, nudge="Did you forget `with torch.no_grad():` around the model? Inside it, autograd "
                                 "records nothing, so the predictions come out as plain numbers.")


def test_a_single_sample_gets_a_single_row_of_predictions(kata, seed):
    w, b = data.params(seed)
    x = data.inputs()[2:3]
    preds = expect_tensor(kata.predict_no_grad(x, w, b), shape=(1, 2))
    _expect_model(preds, x, w, b)


def test_the_parameters_still_require_grad_and_keep_their_values_and_gradients(kata, seed):
    w, b = _params_with_grads(seed)
    before = {name: (p.detach().clone(), p.grad.clone()) for name, p in (("w", w), ("b", b))}
    kata.predict_no_grad(data.inputs(), w, b)
    for name, p in (("w", w), ("b", b)):
        expect(p.requires_grad and p.is_leaf,
               f"after predict_no_grad(x, w, b), {name}.requires_grad is {p.requires_grad}: the parameter itself was "
               "switched off, so the next backward() cannot fill its gradient. torch.no_grad() pauses recording "
               f"only inside the with-block; do not call {name}.requires_grad_(False) or {name}.detach_().")
        expect_unchanged(before[name][0], p, name)
        expect(p.grad is not None and torch.equal(p.grad, before[name][1]),
               f"predict_no_grad(x, w, b) changed {name}.grad. Predicting needs no gradients: leave .grad alone "
               "and do not call backward() here.")


def test_autograd_is_on_again_after_predicting(kata, seed):
    w, b = data.params(seed)
    kata.predict_no_grad(data.inputs(), w, b)
    still_on = torch.is_grad_enabled()
    torch.set_grad_enabled(True)
    expect(still_on,
           "after predict_no_grad(x, w, b), autograd stays off for the whole program "
           "(torch.is_grad_enabled() is False), so training afterwards records nothing. "
           "Use `with torch.no_grad():`, which switches recording back on when the block ends, "
           "instead of torch.set_grad_enabled(False).")


def test_predictions_match_the_float64_model_on_the_crop_data(kata, seed):
    w, b = data.params(seed)
    x = data.inputs()
    preds = expect_tensor(kata.predict_no_grad(x, w, b), shape=(5, 2))
    _expect_model(preds, x, w, b)
    expect_unchanged(data.inputs(), x, "x")


# The written half: katas/q23_no_grad.md

RUBRIC = {
    "what it does (autograd stops recording: no graph, no gradients tracked)": r"(turn|switch)(s|ed)? off|disabl|stop|pause|not (be )?(record|track|build|comput|keep)|no (graph|gradient|history)|without (record|track|building|a graph|gradients)",
    "when you use it (the weight update, predictions or evaluation)": r"updat|predict|evaluat|inference|adjust",
    "why it is needed (nothing needs gradients there: saves memory and time, allows in-place updates)": r"memory|faster|speed|time|efficien|(don't|do not|doesn't|does not|no) need|in[- ]place|leaf|affect|interfer",
}


@pytest.mark.written
def test_the_written_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_written_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
