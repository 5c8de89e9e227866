"""q24 · Resetting gradients."""

import torch

from katakit import data, oracle, written
from katakit.checks import expect, expect_grads_reset, expect_leaves


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


# The written half: katas/q24_reset_gradients.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("backward() adds the new gradient to whatever `.grad` already holds.",
                     "what backward() does to .grad"),
        written.false("backward() replaces `.grad` with the gradient of the latest loss.",
                      "what backward() does to .grad"),
        written.true("Without a reset, the next update uses the old gradient plus the new one.",
                     "what goes wrong without a reset"),
        written.false("Stale gradients do no harm: the update has the same size with or without a reset.",
                      "what goes wrong without a reset"),
        written.false("Updating the weights inside `torch.no_grad()` also resets their gradients.",
                      "what resets a gradient"),
        written.true("The reset comes after the update and before the next backward().",
                     "when the reset happens"),
        written.false("`w.grad.zero_()` works before the first backward(), because `.grad` starts as a tensor of "
                      "zeros.", "what .grad holds before the first backward()"),
        written.true("Setting `w.grad = None` is also a reset: the next backward() stores a fresh gradient.",
                     "what resets a gradient"),
    ),
    blanks=(
        written.Blank("Two backward() calls on the same data and weights, with no reset in between, leave `w.grad` at "
                      "how many times the gradient of one call?", accept=("2",), reject=("1", "4", "0"),
                      about="how much two backward() calls add up to"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor(3.0, requires_grad=True)\n(w * w).backward()\n(w * w).backward()\n"
                        "print(w.grad)", about="two backward() calls without a reset",
                        nudge="What is d(w²)/dw at w = 3, and what does the second backward() do with it?"),
        written.Snippet("w = torch.tensor(2.0, requires_grad=True)\n(5 * w).backward()\nw.grad.zero_()\n"
                        "(3 * w).backward()\nprint(w.grad)", about="a reset between two backward() calls",
                        nudge="After zero_(), what is left of the first gradient?"),
    ),
    ideas=(
        "backward() adds to .grad (gradients accumulate) instead of replacing it",
        "without a reset the next update uses old plus new gradients: too large, and partly from old weights",
        "the reset comes after the update, so the next backward() starts from zero (or None)",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
