"""q14 · What .backward() does."""

import torch

from katakit import data, describe, oracle, written
from katakit.checks import expect, expect_close, expect_tensor, require


def _call(kata, seed):
    """Fresh crop data and a fresh seeded start (grads None), then one call; stops on a result that is not
    a pair of gradients, with the reason it saw (None read too early, the parameters themselves)."""
    x, y = data.inputs(), data.targets()
    w, b = data.params(seed)
    result = kata.loss_gradients(x, y, w, b)
    require(isinstance(result, (tuple, list)) and len(result) == 2,
            f"loss_gradients(...) returned {describe.value(result)}; expected a pair (w.grad, b.grad).",
            cause="loss_gradients: not a pair")
    pairs = list(zip(result, (w, b), ("w", "b"), strict=True))
    early = [name for got, p, name in pairs if got is None and p.grad is not None]
    if early:
        require(False, f"loss_gradients(...) returned None in place of {' and '.join(n + '.grad' for n in early)}, "
                       f"yet {early[0]}.grad holds a gradient after the call: it was read too early. "
                       f"{early[0]}.grad is None until loss.backward() has run.", cause="read .grad before backward()")
    itself = [name for got, p, name in pairs if got is p]
    if itself:
        require(False, f"loss_gradients(...) returned the parameter{'s' if len(itself) > 1 else ''} "
                       f"({' and '.join(itself)}) {'themselves' if len(itself) > 1 else 'itself'}, not the gradient: "
                       "after loss.backward() each gradient lives in the parameter's .grad.",
                cause="returned the parameters")
    return x, y, w, b, result


def _named_mistake(got: torch.Tensor, expected: torch.Tensor, n: int) -> tuple[str, str] | None:
    """(cause, explanation) from how the returned gradient relates to the true one; None: no known pattern."""
    got, expected = got.detach().double(), expected.double()
    ratio = float((got * expected).sum() / (expected * expected).sum())
    close = torch.allclose(got, ratio * expected, rtol=1e-3, atol=1e-6)
    if close and abs(ratio - 2) < 0.01:
        return "gradients doubled", ("is exactly twice the true gradient: gradients accumulate. Each backward() adds "
                                     "to .grad, so a second backward() doubles it.")
    if close and abs(ratio - n) < 0.01 * n:
        return "sum, not mean", (f"is {n} times the true gradient ({n} = number of elements in preds): the loss was "
                                 "a sum of the squared errors, not their mean.")
    if close and abs(ratio + 1) < 0.01:
        return "wrong sign", "has the wrong sign everywhere: the difference is the other way round."
    return None


def test_loss_gradients_returns_gradients_shaped_like_the_parameters(kata, seed):
    _, _, _, _, (gw, gb) = _call(kata, seed)
    expect_tensor(gw, shape=(2, 3), nudge="d(loss)/dw holds one slope per weight, so it has w's shape (2, 3).")
    expect_tensor(gb, shape=(2,), nudge="d(loss)/db holds one slope per bias, so it has b's shape (2,).")


def test_backward_fills_the_grad_of_w_and_b(kata, seed):
    x, y, w, b, (gw, gb) = _call(kata, seed)
    empty = [name for p, name in ((w, "w"), (b, "b")) if p.grad is None]
    if not empty:
        return
    ow, ob = oracle.grads64(x, y, *data.params(seed))
    right = all(isinstance(g, torch.Tensor) and g.shape == o.shape and torch.allclose(g.detach().double(), o, rtol=1e-4)
                for g, o in ((gw, ow), (gb, ob)))
    seen = ("the tensors it returned are the right gradients, so they were computed without filling .grad "
            "(torch.autograd.grad does that)." if right else "nothing filled them.")
    expect(False, f"after loss_gradients(...), {' and '.join(n + '.grad' for n in empty)} "
                  f"{'are' if len(empty) > 1 else 'is'} None: {seen} Which call on the loss stores d(loss)/dw "
                  "in w.grad?", cause=".grad not filled")


def test_the_returned_tensors_are_the_gradients_in_grad(kata, seed):
    _, _, w, b, (gw, gb) = _call(kata, seed)
    for got, p, name in ((gw, w, "w"), (gb, b, "b")):
        if isinstance(got, torch.Tensor) and p.grad is not None:
            expect(got is p.grad or torch.equal(got.detach(), p.grad),
                   f"loss_gradients(...) returned a tensor that differs from {name}.grad. Return {name}.grad itself.",
                   cause="returns something else than .grad")


def test_the_gradients_match_the_float64_oracle(kata, seed):
    x, y, _, _, (gw, gb) = _call(kata, seed)
    ow, ob = oracle.grads64(x, y, *data.params(seed))  # at the starting point, even if the call moved w
    expect_tensor(gw, shape=(2, 3))
    expect_tensor(gb, shape=(2,))
    n = y.numel()
    for got, expected, name in ((gw, ow, "d(loss)/dw"), (gb, ob, "d(loss)/db")):
        mistake = _named_mistake(got, expected, n)
        if mistake:
            expect(False, f"loss_gradients(...): the returned {name} {mistake[1]}", cause=mistake[0])
        else:
            expect_close(got, expected, what=name, rtol=1e-4,
                         nudge="Is the loss the one the docstring names: the mean of the squared differences "
                               "between the model's predictions and the targets?")


def test_computing_the_gradients_does_not_change_the_parameters(kata, seed):
    _, _, w, b, _ = _call(kata, seed)
    w_start, b_start = data.params(seed)
    moved = [name for p, start, name in ((w, w_start, "w"), (b, b_start, "b"))
             if not torch.equal(p.detach(), start.detach())]
    expect(not moved,
           f"after loss_gradients(...), {' and '.join(moved)} hold{'s' if len(moved) == 1 else ''} different values. "
           ".backward() never changes the weights; it only fills .grad. Leave the update step out of this function.",
           cause="changed the parameters")
    left = [name for p, name in ((w, "w"), (b, "b")) if not (p.is_leaf and p.requires_grad)]
    expect(not left,
           f"after loss_gradients(...), {' and '.join(left)} {'is' if len(left) == 1 else 'are'} no longer a leaf "
           "tensor that requires grad. Leave the parameters as they were given.", cause="parameters not leaves")


# The written half: katas/q14_backward.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("After `loss.backward()`, `w.grad` holds the derivative of the loss with respect to `w`, with the "
                     "same shape as `w`.", "what backward() computes and where it puts it"),
        written.false("`loss.backward()` returns the gradients, so `grads = loss.backward()` is how you get them.",
                      "what backward() computes and where it puts it"),
        written.true("Tensors created without `requires_grad=True`, such as `inputs` and `targets`, get no gradient.",
                     "which tensors get a gradient"),
        written.false("backward() computes a gradient for every tensor used to compute the loss, `inputs` and `targets` "
                      "included.", "which tensors get a gradient"),
        written.false("backward() also updates `w` and `b`: after the call they hold new values with a lower loss.",
                      "what backward() does to the weights"),
        written.false("Setting `requires_grad=True` on `w` makes PyTorch change `w` by itself to lower the loss.",
                      "what requires_grad does"),
        written.true("`requires_grad=True` asks PyTorch to record the operations on `w`, so that backward() can compute "
                     "its gradient; changing `w` is still up to us.", "what requires_grad does"),
        written.true("Called without arguments, backward() needs a single number (a scalar) such as the loss; called on "
                     "the table of predictions it raises an error.", "what backward() is called on"),
    ),
    blanks=(
        written.Blank("A loss is computed from `w`, `b`, `inputs` and `targets`, and only `w` and `b` were created with "
                      "`requires_grad=True`. How many of these four tensors get a gradient from `loss.backward()`?",
                      accept=("2",), reject=("4", "1", "0", "3"), about="which tensors backward() reaches",
                      form="one number"),
        written.Blank("What does the call `loss.backward()` itself return?", accept=("None", "nothing"),
                      reject=("the gradients", "gradient", "w.grad", "loss", "a tensor", "True", "0"),
                      about="what backward() returns", form="one word"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor(3.0, requires_grad=True)\nloss = (2 * w - 4) ** 2\nloss.backward()\n"
                        "print(w.item(), w.grad.item())", about="a weight and its gradient after backward()",
                        nudge="Does backward() change w itself? And what is the slope of (2w - 4)² at w = 3?"),
        written.Snippet("x = torch.tensor([1.0, 2.0])\nw = torch.tensor([0.5, 0.5], requires_grad=True)\n"
                        "loss = ((x * w - 1) ** 2).mean()\nloss.backward()\nprint(x.grad is None)",
                        about="a tensor that was used in the loss but does not require grad",
                        nudge="Which of x and w was created with requires_grad=True?"),
    ),
    ideas=(
        "backward() computes the gradient (derivative) of the loss with respect to each tensor that requires grad: "
        "w and b",
        "each gradient is stored in that tensor's .grad (same shape), added to what .grad already holds",
        "the weights themselves do not change, and tensors without requires_grad (inputs, targets) get no gradient",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
