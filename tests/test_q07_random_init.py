"""q07 · Randomly initialised parameters."""

import torch

from katakit import data, describe, oracle
from katakit.checks import expect, expect_close, require, says

FORGOT_GRAD = "forgot requires_grad"
NOT_A_LEAF = "not a leaf"
CONSTANT = "not random"
IGNORES_SEED = "ignores the seed"
FIXED_SEED = "a seed of its own"


def _params(kata, n_inputs: int, n_outputs: int, seed: int) -> tuple[torch.Tensor, torch.Tensor, str]:
    """Hard precondition: (w, b), two float32 tensors of shapes (m, k) and (m,)."""
    __tracebackhide__ = True
    called = f"init_params(n_inputs={n_inputs}, n_outputs={n_outputs}, seed={seed})"
    result = kata.init_params(n_inputs, n_outputs, seed)
    require(isinstance(result, (tuple, list)) and len(result) == 2,
            f"{called} returned {describe.value(result)}; expected a pair (w, b). End with `return w, b`.",
            cause="init_params: not a pair")
    for name, t in zip("wb", result, strict=True):
        require(isinstance(t, torch.Tensor),
                f"{called} returned {name} as {describe.value(t)}; expected a torch.Tensor of random numbers.",
                cause="init_params: not tensors")
    w, b = result
    if tuple(w.shape) == (n_inputs, n_outputs) and n_inputs != n_outputs:
        require(False, f"{called} returned w of shape {describe.shape(w)}; expected ({n_outputs}, {n_inputs}): one "
                       "row per output, one column per input. The two numbers are swapped.", cause="w: swapped")
    require(tuple(w.shape) == (n_outputs, n_inputs),
            f"{called} returned w of shape {describe.shape(w)}; expected ({n_outputs}, {n_inputs}): one row per "
            "output, one column per input.", cause="w: shape")
    require(tuple(b.shape) == (n_outputs,),
            f"{called} returned b of shape {describe.shape(b)}; expected ({n_outputs},): one bias per output.",
            cause="b: shape")
    require(w.dtype == torch.float32 and b.dtype == torch.float32,
            f"{called} returned w and b of dtypes {describe.dtype(w)} and {describe.dtype(b)}; expected float32, "
            "which is what torch.randn gives unless you ask for another dtype.", cause="init_params: dtype")
    return w, b, called


def _constant(p: torch.Tensor) -> bool:
    return not bool((p != p.flatten()[0]).any())


def test_init_params_gives_one_row_of_weights_and_one_bias_per_output(kata, seed):
    _params(kata, 3, 2, seed)
    _params(kata, 4, 1, seed)


def test_the_parameters_require_grad(kata, seed):
    w, b, called = _params(kata, 3, 2, seed)
    for name, p in (("w", w), ("b", b)):
        expect(p.requires_grad,
               f"{called} returned {name} with requires_grad=False. Forgot requires_grad=True? Without it autograd "
               f"does not track {name}, and backward() never fills {name}.grad, so training cannot improve it.",
               cause=FORGOT_GRAD)


def test_the_parameters_are_leaf_tensors(kata, seed):
    w, b, called = _params(kata, 3, 2, seed)
    for name, p in (("w", w), ("b", b)):
        expect(p.is_leaf,
               f"{called} returned {name} that is not a leaf tensor: it was computed from another tensor that "
               f"requires grad, for example torch.randn(..., requires_grad=True) * 1. backward() fills .grad only "
               f"on leaves, so {name}.grad would stay None. Do any arithmetic first, then call .requires_grad_().",
               cause=NOT_A_LEAF)


def test_backward_fills_the_gradients_of_both_parameters(kata, seed):
    w, b, called = _params(kata, 3, 2, seed)
    require(w.requires_grad or b.requires_grad,
            f"{called} returned w and b with requires_grad=False, so there is nothing for backward() to fill. "
            "Forgot requires_grad=True?", cause=FORGOT_GRAD)
    x, y = data.inputs(), data.targets()
    ((x @ w.t() + b - y) ** 2).mean().backward()
    want_w, want_b = oracle.grads64(x, y, w, b)
    for name, p, want in (("w", w, want_w), ("b", b, want_b)):
        grad = p.grad if p.is_leaf else None  # a non-leaf never gets a .grad (and warns when asked)
        if grad is None:
            why = ("it is not a leaf tensor" if not p.is_leaf else "it was created with requires_grad=False")
            expect(False, f"after the crop loss's backward(), {name}.grad is None for the {name} that {called} "
                          f"returned: {why}.", cause=NOT_A_LEAF if not p.is_leaf else FORGOT_GRAD)
        else:
            expect_close(grad, want, what=f"{name}.grad after backward()", called=called, rtol=1e-3, atol=1e-3)


def test_the_weights_are_random_numbers_not_a_constant(kata, seed):
    w, b, called = _params(kata, 3, 2, seed)
    for name, p in (("w", w), ("b", b)):
        expect(not _constant(p),
               f"{called} returned {name} with every entry equal to {p.flatten()[0].item():g}. Start from random "
               "numbers: with equal weights every output would start out the same, and a model of zeros "
               "predicts 0 for everything.", cause=CONSTANT)


def test_the_same_seed_gives_the_same_parameters(kata, seed):
    w1, b1, called = _params(kata, 3, 2, seed)
    w2, b2, _ = _params(kata, 3, 2, seed)
    expect(torch.equal(w1, w2) and torch.equal(b1, b2),
           f"calling {called} twice gave different parameters; the same seed must give the same start. Did you "
           "ignore the seed? Where do your random numbers come from, and is that generator seeded with `seed`?",
           cause=IGNORES_SEED)


def test_different_seeds_give_different_parameters(kata, seed):
    w1, b1, called = _params(kata, 3, 2, seed)
    w2, b2, _ = _params(kata, 3, 2, seed + 1)
    if _constant(w1) and _constant(b1):
        expect(not (torch.equal(w1, w2) and torch.equal(b1, b2)),
               f"{called} and the same call with seed={seed + 1} both returned constant parameters. Start from "
               "random numbers.", cause=CONSTANT)
        return
    expect(not torch.equal(w1, w2) and not torch.equal(b1, b2),
           f"{called} and the same call with seed={seed + 1} gave the same w or b. Each seed should give its own "
           "random start: is the generator seeded with the given seed, or with a seed of its own?", cause=FIXED_SEED)


def _draws(seed: int, *shapes: tuple) -> list[torch.Tensor]:
    gen = torch.Generator().manual_seed(seed)
    return [torch.randn(*shape, generator=gen) for shape in shapes]


def _which_mistake(kata, w: torch.Tensor, b: torch.Tensor, want_w: torch.Tensor, n_inputs: int, n_outputs: int,
                   seed: int) -> tuple[str, str] | None:
    """(cause, explanation) when the numbers show a known mistake, from what came back and what a second call gives."""
    m, k = n_outputs, n_inputs
    w, b = w.detach(), b.detach()
    first_b, then_w = _draws(seed, (m,), (m, k))
    if torch.equal(b, first_b) and torch.equal(w, then_w):
        return "b drawn first", ("b holds the generator's first draws and w the ones after them: you drew b before w. "
                                 "Draw w first, then b, from the same generator, so that the same seed gives "
                                 "everyone the same start.")
    if torch.equal(w, want_w) and torch.equal(b, _draws(seed, (m,))[0]):
        return "b from a fresh generator", (
            "w is right, but b holds the first draws of a generator seeded again: b must continue the draws of "
            "the generator w came from, not start a new one seeded again.")
    if _constant(w) and _constant(b):
        return CONSTANT, "Every entry is the same number. Start from random numbers."
    w2, b2, _ = _params(kata, n_inputs, n_outputs, seed)
    if not (torch.equal(w, w2.detach()) and torch.equal(b, b2.detach())):
        return IGNORES_SEED, "A second call with the same seed gave other numbers. Did you ignore the seed?"
    w3, b3, _ = _params(kata, n_inputs, n_outputs, seed + 1)
    if torch.equal(w, w3.detach()) and torch.equal(b, b3.detach()):
        return FIXED_SEED, ("A call with another seed gave the same numbers: the generator is seeded with a seed "
                            "of its own, not the given one.")
    return None


@says("the values match torch.randn from a generator with that seed")
def test_the_values_match_randn_from_a_generator_with_that_seed(kata, seed):
    for n_inputs, n_outputs in ((3, 2), (4, 1), (1, 3)):
        w, b, called = _params(kata, n_inputs, n_outputs, seed)
        want_w, want_b = data.params(seed, n_inputs, n_outputs)
        if torch.equal(w.detach(), want_w.detach()) and torch.equal(b.detach(), want_b.detach()):
            continue
        mistake = _which_mistake(kata, w, b, want_w.detach(), n_inputs, n_outputs, seed)
        if mistake:
            cause, why = mistake
            expect(False, f"{called} returned numbers other than the expected draws. {why}", cause=cause)
            return
        nudge = ("The numbers must be the standard normal draws of a generator seeded with `seed`: w's first, row "
                 "by row, then b's. Which generator do your draws come from, and in which order?")
        expect_close(w, want_w, what="w", called=called, rtol=0, atol=0, nudge=nudge)
        expect_close(b, want_b, what="b", called=called, rtol=0, atol=0, nudge=nudge)
        return
