"""q19 · One update of the weights and biases."""

import torch

from katakit import data, oracle
from katakit.checks import expect, expect_close, expect_leaves

LR = 0.1  # with hand-set gradients: big enough that lr, 2·lr and lr² steps are far apart


def _with_grads(seed):
    """Seeded leaves whose .grad is set by hand (no backward needed), plus copies of everything."""
    w, b = data.params(seed)
    w.grad = data.random_batch(seed + 1, 2, 3)
    b.grad = data.random_batch(seed + 2, 1, 2).reshape(2)
    return w, b, w.detach().clone(), b.detach().clone(), w.grad.clone(), b.grad.clone()


def _what_went_wrong(name: str, step: torch.Tensor, expected: torch.Tensor, lr: float) -> str:
    """Name the mistake from how the step taken relates to -lr·grad."""
    step, expected = step.double(), expected.double()
    ratio = float((step * expected).sum() / (expected * expected).sum())
    if abs(ratio) < 1e-3:
        return (f"{name} has not changed. Did you forget to update {name}? Rebinding "
                f"`{name} = {name} - lr * {name}.grad` only makes a new local tensor; the caller's {name} never "
                f"sees it. Change it in place: `{name} -= lr * {name}.grad`.")
    if abs(ratio + 1) < 1e-2:
        return (f"{name} moved along its gradient, uphill, where the loss grows. Subtract lr × gradient "
                "instead of adding it.")
    if abs(ratio - 2) < 1e-2:
        return f"{name} moved twice as far as lr × gradient. Did you apply the step twice?"
    if abs(ratio - lr) < 1e-2 * lr:
        return f"{name} moved by lr² × gradient. Did you multiply by lr twice?"
    return f"Each element should move by -lr × its gradient: {name} -= lr * {name}.grad."


def _fmt(t: torch.Tensor) -> str:
    return "[" + ", ".join(f"{v:.4g}" for v in t.flatten().tolist()) + "]"


def _check_step(name, after, before, grad, lr):
    expected_step = -lr * grad.double()
    step = after.detach().double() - before.double()
    expect(torch.allclose(step, expected_step, rtol=1e-4, atol=1e-6),
           f"update(w, b, lr={lr}) moved {name} by {_fmt(step)}; expected -lr × {name}.grad = {_fmt(expected_step)}. "
           f"{_what_went_wrong(name, step, expected_step, lr)}")


def test_update_moves_each_parameter_against_its_gradient(kata, seed):
    w, b, w0, b0, gw, gb = _with_grads(seed)
    kata.update(w, b, LR)
    _check_step("w", w, w0, gw, LR)
    _check_step("b", b, b0, gb, LR)


def test_w_and_b_stay_leaves_that_require_grad(kata, seed):
    w, b, *_ = _with_grads(seed)
    kata.update(w, b, LR)
    expect_leaves((w, b), ("w", "b"))


def test_the_gradients_are_left_for_the_caller_to_reset(kata, seed):
    w, b, _, _, gw, gb = _with_grads(seed)
    kata.update(w, b, LR)
    for p, g, name in ((w, gw, "w"), (b, gb, "b")):
        if p.grad is None:
            now = "None"
        elif not p.grad.any():
            now = "all zeros"
        else:
            now = "different from before"
        expect(p.grad is not None and torch.equal(p.grad, g),
               f"after update(w, b, lr), {name}.grad is {now}. Leave the gradients alone here: "
               f"the caller resets them after the step (q24). If you zeroed them before the update, "
               f"the step used a zero gradient.")


def test_one_update_lowers_the_crop_loss(kata, seed):
    w, b = data.params(seed)
    x, y = data.inputs(), data.targets()
    diff = x @ w.t() + b - y
    (torch.sum(diff * diff) / diff.numel()).backward()
    gw, gb = oracle.grads64(x, y, w, b)  # the true gradients at the start, from the residuals
    before, w0, b0 = oracle.loss64(w, b), w.detach().clone(), b.detach().clone()
    kata.update(w, b, 1e-5)
    expect_close(w, w0.double() - 1e-5 * gw, what="w after one step with lr=1e-5", rtol=1e-5, atol=1e-6)
    expect_close(b, b0.double() - 1e-5 * gb, what="b after one step with lr=1e-5", rtol=1e-5, atol=1e-6)
    after = oracle.loss64(w, b)
    expect(after < before,
           f"update(w, b, lr=1e-5) after a backward() on the crop data: the loss went from {before:.6g} to "
           f"{after:.6g}; one small step against the gradient should lower it.")
