"""q24 · Resetting gradients."""

import pytest
import torch

from katakit import data, oracle
from katakit.checks import expect, expect_grads_reset, expect_leaves
from katakit.written import check_concepts, check_length


def _backward(w, b):
    """One forward pass on the crop data and one backward(): adds d(MSE)/dw and d(MSE)/db to w.grad, b.grad."""
    ((data.inputs() @ w.t() + b - data.targets()) ** 2).mean().backward()


def test_after_a_backward_every_gradient_is_reset(kata, seed):
    w, b = data.params(seed)
    _backward(w, b)
    kata.reset_gradients([w, b])
    expect_grads_reset([w, b], ["w", "b"])


def test_a_reset_before_the_first_backward_works_although_grad_is_none(kata, seed):
    w, b = data.params(seed)
    kata.reset_gradients([w, b])
    for name, p in (("w", w), ("b", b)):
        expect(p.grad is None or not p.grad.any(),
               f"reset_gradients([w, b]) before any backward() left {name}.grad = {p.grad}; expected None or zeros.")


def test_every_parameter_in_the_list_is_reset_whatever_its_shape(kata, seed):
    w, b = data.params(seed)
    scale = torch.tensor(2.0, requires_grad=True)
    ((data.inputs() @ (scale * w).t() + b - data.targets()) ** 2).mean().backward()
    kata.reset_gradients([scale, b, w])
    expect_grads_reset([scale, b, w], ["scale", "b", "w"])


def test_after_a_reset_the_next_backward_gives_the_single_gradient_not_the_accumulated_one(kata, seed):
    w, b = data.params(seed)
    _backward(w, b)
    single = w.grad.clone()
    _backward(w, b)
    assert torch.allclose(w.grad, 2 * single, rtol=1e-5), "setup: two backward() calls should double w.grad"
    kata.reset_gradients([w, b])
    _backward(w, b)
    expected_w, expected_b = oracle.grads64(data.inputs(), data.targets(), w, b)
    for name, p, expected in (("w", w, expected_w), ("b", b, expected_b)):
        got = p.grad.double()
        times = (got * expected).sum().item() / (expected * expected).sum().item()
        expect(torch.allclose(got, expected, rtol=1e-4, atol=1e-3),
               f"reset_gradients([w, b]) then one more backward(): {name}.grad is {times:.3g} times the single "
               "gradient (expected exactly 1 time): the old gradient was not fully cleared, and backward() adds "
               f"to whatever .grad holds. Set every entry of {name}.grad to zero (`.grad.zero_()`) or drop it "
               "(`.grad = None`).")


def test_the_parameters_keep_their_values_and_stay_leaves_that_require_grad(kata, seed):
    w, b = data.params(seed)
    before = {"w": w.detach().clone(), "b": b.detach().clone()}
    _backward(w, b)
    kata.reset_gradients([w, b])
    for name, p in (("w", w), ("b", b)):
        expect(torch.equal(p.detach(), before[name]),
               f"reset_gradients([w, b]) changed the values of {name} itself. Reset its gradient, "
               f"{name}.grad, not the parameter: the weights are what training has learned so far.")
    expect_leaves([w, b], ["w", "b"])


# The written half: katas/q24_reset_gradients.md

RUBRIC = {
    "that backward() adds to (accumulates in) .grad instead of replacing it": r"accumulat|add(s|ed)? (up|to|on)|sum|pile|keep(s)? (adding|growing)|build(s)? up|on top",
    "what would go wrong without a reset (the next step uses old plus new gradients)": r"old|previous|last|earlier|wrong|too (big|large)|double",
    "that the reset comes after the update, before the next backward()": r"next|before|after (the |each )?(update|step)|fresh|start(s)? (over|again|from)|each (step|epoch|iteration)",
}


@pytest.mark.written
def test_the_written_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_written_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
