"""q14 · What .backward() does."""

import pytest
import torch

from katakit import data, oracle
from katakit.checks import expect, expect_close, expect_leaves, expect_tensor
from katakit.written import check_concepts, check_length

RUBRIC = {
    "that it computes derivatives (gradients) of the loss": r"gradient|derivative|slope",
    "which tensors get a gradient (those created with requires_grad=True, such as the weights and biases)":
        r"requires_grad|requires grad|weight|bias|parameter|\bw\b|\bb\b",
    "where the gradients are stored (the .grad attribute)": r"\.grad\b|grad attribute|\bgrad\b",
    "how PyTorch finds them (the chain rule, back through the graph of operations)":
        r"chain rule|graph|back through|backwards? through|backprop|every operation|each operation",
    "that gradients add up (accumulate) when backward() is called again": r"accumulat|add(s|ed)? (up|to|on)|sum(s|med)? up|summed|not (replaced|overwritten)",
}


def _call(kata, seed):
    """Fresh crop data and a fresh seeded start (grads None), then one call."""
    x, y = data.inputs(), data.targets()
    w, b = data.params(seed)
    result = kata.loss_gradients(x, y, w, b)
    assert isinstance(result, (tuple, list)) and len(result) == 2, (
        f"loss_gradients(...) returned {type(result).__name__}; expected a pair (w.grad, b.grad).")
    return x, y, w, b, result


def _named_mistake(got: torch.Tensor, expected: torch.Tensor, n: int) -> str | None:
    """Name the mistake from how the returned gradient relates to the true one (None: no known pattern)."""
    got, expected = got.detach().double(), expected.double()
    ratio = float((got * expected).sum() / (expected * expected).sum())
    if abs(ratio - 2) < 0.01:
        return ("is exactly twice the true gradient: gradients accumulate. Each backward() adds to .grad, "
                "so calling backward() twice doubles it. Call it once.")
    if abs(ratio - n) < 0.01 * n:
        return (f"is {n} times the true gradient ({n} = number of elements in preds): the loss was a sum. "
                "Did you forget to average the squared errors?")
    if abs(ratio + 1) < 0.01:
        return "has the wrong sign everywhere. The difference is preds - targets."
    return None


def test_loss_gradients_returns_gradients_shaped_like_the_parameters(kata, seed):
    _, _, _, _, (gw, gb) = _call(kata, seed)
    expect_tensor(gw, shape=(2, 3), nudge="d(loss)/dw holds one slope per weight, so it has w's shape (2, 3).")
    expect_tensor(gb, shape=(2,), nudge="d(loss)/db holds one slope per bias, so it has b's shape (2,).")


def test_backward_fills_the_grad_of_w_and_b(kata, seed):
    _, _, w, b, _ = _call(kata, seed)
    for p, name in ((w, "w"), (b, "b")):
        expect(p.grad is not None,
               f"after loss_gradients(...), {name}.grad is None. loss.backward() stores d(loss)/d{name} in "
               f"{name}.grad; did you call .backward() on the loss (torch.autograd.grad does not fill .grad)?")


def test_the_returned_tensors_are_the_gradients_not_the_parameters(kata, seed):
    _, _, w, b, (gw, gb) = _call(kata, seed)
    for got, p, name in ((gw, w, "w"), (gb, b, "b")):
        assert isinstance(got, torch.Tensor), (
            f"loss_gradients(...) returned {got!r:.40} in place of {name}.grad; expected a tensor. "
            f"{name}.grad is None until loss.backward() has run: call it first, then return {name}.grad.")
        if got is p:
            expect(False, f"loss_gradients(...) returned {name} itself, not its gradient. "
                          f"After loss.backward() the gradient lives in {name}.grad.")
        elif p.grad is not None:
            expect(got is p.grad or torch.equal(got.detach(), p.grad),
                   f"loss_gradients(...) returned a tensor that differs from {name}.grad. Return {name}.grad itself.")


def test_the_gradients_match_the_float64_oracle(kata, seed):
    x, y, _, _, (gw, gb) = _call(kata, seed)
    ow, ob = oracle.grads64(x, y, *data.params(seed))  # at the starting point, even if the call moved w
    expect_tensor(gw, shape=(2, 3))
    expect_tensor(gb, shape=(2,))
    n = y.numel()
    for got, expected, name in ((gw, ow, "d(loss)/dw"), (gb, ob, "d(loss)/db")):
        mistake = _named_mistake(got, expected, n)
        if mistake:
            expect(False, f"loss_gradients(...): the returned {name} {mistake}")
        else:
            expect_close(got, expected, what=name, rtol=1e-4,
                         nudge="Check the model (inputs @ w.t() + b) and the loss (mean of the squared differences).")


def test_computing_the_gradients_does_not_change_the_parameters(kata, seed):
    _, _, w, b, _ = _call(kata, seed)
    w_start, b_start = data.params(seed)
    for p, start, name in ((w, w_start, "w"), (b, b_start, "b")):
        expect(torch.equal(p.detach(), start.detach()),
               f"after loss_gradients(...), {name} holds different values. .backward() never changes the weights; "
               f"it only fills {name}.grad. Leave the update step out of this function.")
    expect_leaves((w, b), ("w", "b"))


@pytest.mark.written
def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
