"""q07 · Randomly initialised parameters."""

import torch

from katakit import data, describe, oracle
from katakit.checks import expect, expect_close


def _params(kata, n_inputs: int, n_outputs: int, seed: int) -> tuple[torch.Tensor, torch.Tensor, str]:
    """Hard precondition: (w, b), two float32 tensors of shapes (m, k) and (m,)."""
    __tracebackhide__ = True
    called = f"init_params(n_inputs={n_inputs}, n_outputs={n_outputs}, seed={seed})"
    result = kata.init_params(n_inputs, n_outputs, seed)
    assert isinstance(result, (tuple, list)) and len(result) == 2, (
        f"{called} returned {describe.value(result)}; expected a pair (w, b). End with `return w, b`.")
    for name, t in zip("wb", result, strict=True):
        assert isinstance(t, torch.Tensor), (
            f"{called} returned {name} as {describe.value(t)}; expected a torch.Tensor made with torch.randn.")
    w, b = result
    assert tuple(w.shape) == (n_outputs, n_inputs), (
        f"{called} returned w of shape {describe.shape(w)}; expected ({n_outputs}, {n_inputs}): one row per "
        "output, one column per input. "
        + ("The two numbers are swapped: x @ w.t() needs w as (outputs, inputs)."
           if tuple(w.shape) == (n_inputs, n_outputs) else ""))
    assert tuple(b.shape) == (n_outputs,), (
        f"{called} returned b of shape {describe.shape(b)}; expected ({n_outputs},): one bias per output.")
    assert w.dtype == torch.float32 and b.dtype == torch.float32, (
        f"{called} returned w and b of dtypes {describe.dtype(w)} and {describe.dtype(b)}; expected float32, "
        "which is what torch.randn gives unless you ask for another dtype.")
    return w, b, called


def test_init_params_gives_one_row_of_weights_and_one_bias_per_output(kata, seed):
    _params(kata, 3, 2, seed)
    _params(kata, 4, 1, seed)


def test_the_parameters_require_grad(kata, seed):
    w, b, called = _params(kata, 3, 2, seed)
    for name, p in (("w", w), ("b", b)):
        expect(p.requires_grad,
               f"{called} returned {name} with requires_grad=False. Forgot requires_grad=True? Without it autograd "
               f"does not track {name}, and backward() never fills {name}.grad, so training cannot improve it.")


def test_the_parameters_are_leaf_tensors(kata, seed):
    w, b, called = _params(kata, 3, 2, seed)
    for name, p in (("w", w), ("b", b)):
        expect(p.is_leaf,
               f"{called} returned {name} that is not a leaf tensor: it was computed from another tensor that "
               f"requires grad, for example torch.randn(..., requires_grad=True) * 1. backward() fills .grad only "
               f"on leaves, so {name}.grad would stay None. Do any arithmetic first, then call .requires_grad_().")


def test_backward_fills_the_gradients_of_both_parameters(kata, seed):
    w, b, called = _params(kata, 3, 2, seed)
    assert w.requires_grad or b.requires_grad, (
        f"{called} returned w and b with requires_grad=False, so there is nothing for backward() to fill. "
        "Forgot requires_grad=True?")
    x, y = data.inputs(), data.targets()
    ((x @ w.t() + b - y) ** 2).mean().backward()
    want_w, want_b = oracle.grads64(x, y, w, b)
    for name, p, want in (("w", w, want_w), ("b", b, want_b)):
        grad = p.grad if p.is_leaf else None  # a non-leaf never gets a .grad (and warns when asked)
        if grad is None:
            expect(False, f"after the crop loss's backward(), {name}.grad is None for the {name} that {called} "
                          "returned. Forgot requires_grad=True, or is it not a leaf?")
        else:
            expect_close(grad, want, what=f"{name}.grad after backward()", called=called, rtol=1e-3, atol=1e-3)


def test_the_same_seed_gives_the_same_parameters(kata, seed):
    w1, b1, called = _params(kata, 3, 2, seed)
    w2, b2, _ = _params(kata, 3, 2, seed)
    expect(torch.equal(w1, w2) and torch.equal(b1, b2),
           f"calling {called} twice gave different parameters; the same seed must give the same start. Did you "
           "ignore the seed? Pass generator=gen to every torch.randn call, with gen = "
           "torch.Generator().manual_seed(seed).")


def test_different_seeds_give_different_parameters(kata, seed):
    w1, b1, called = _params(kata, 3, 2, seed)
    w2, b2, _ = _params(kata, 3, 2, seed + 1)
    expect(not torch.equal(w1, w2) and not torch.equal(b1, b2),
           f"{called} and the same call with seed={seed + 1} gave the same w or b. Each seed should give its own "
           "random start. Do you seed the generator with the given seed?")


def test_the_weights_are_random_numbers_not_a_constant(kata, seed):
    w, b, called = _params(kata, 3, 2, seed)
    for name, p in (("w", w), ("b", b)):
        expect(bool((p != p.flatten()[0]).any()),
               f"{called} returned {name} with every entry equal to {p.flatten()[0].item():g}. Start from random "
               "numbers (torch.randn): with equal weights every output would start out the same, and a model "
               "of zeros predicts 0 for everything.")


def test_the_values_match_randn_from_a_generator_with_that_seed(kata, seed):
    for n_inputs, n_outputs in ((3, 2), (4, 1), (1, 3)):
        w, b, called = _params(kata, n_inputs, n_outputs, seed)
        want_w, want_b = data.params(seed, n_inputs, n_outputs)
        gen = torch.Generator().manual_seed(seed)
        if not torch.equal(b.detach(), want_b.detach()) and torch.equal(b.detach(), torch.randn(n_outputs, generator=gen)):
            expect(False, f"{called} returned b equal to the generator's first draw: you drew b before w. Draw w "
                          "first, then b, from the same generator, so that the same seed gives everyone the same start.")
            continue
        nudge = ("Draw w first, then b, from one gen = torch.Generator().manual_seed(seed), with "
                 "torch.randn(n_outputs, n_inputs, generator=gen), then torch.randn(n_outputs, generator=gen).")
        expect_close(w, want_w, what="w", called=called, rtol=0, atol=0, nudge=nudge)
        expect_close(b, want_b, what="b", called=called, rtol=0, atol=0, nudge=nudge)
