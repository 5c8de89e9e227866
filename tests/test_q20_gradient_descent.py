"""q20 · The gradient descent algorithm."""

import torch

from katakit import data, written
from katakit.checks import expect, expect_history

LR, STEPS = 0.15, 12  # on the bowl below each step shrinks the distance to the bottom by 1 - 2·LR = 0.7
CROP_LR, CROP_STEPS = 1e-5, 10


def _bowl(seed):
    """f(x) = ((x - c)²).sum(): lowest, 0, at x = c. Both c and the start come from the seed."""
    c = data.random_batch(seed, 1, 3).reshape(3)
    x = data.random_batch(seed + 1, 1, 3).reshape(3).requires_grad_()
    return (lambda v: ((v - c.to(v.dtype)) ** 2).sum()), x, c


def _crop(seed):
    """The crop loss as a function of w alone (b fixed), and a seeded w to descend in."""
    w, b = data.params(seed)
    b, inputs, targets = b.detach(), data.inputs(), data.targets()
    return (lambda v: ((inputs.to(v.dtype) @ v.t() + b.to(v.dtype) - targets.to(v.dtype)) ** 2).mean()), w


def _descend64(f, x0, lr, steps, sign=-1.0, accumulate=False, only_first=False):
    """A (possibly wrong) descent in float64: the values before each step, and where x ends."""
    x = x0.detach().double().clone().requires_grad_()
    total, values = torch.zeros_like(x), []
    for _ in range(steps):
        value = f(x)
        values.append(value.item())
        (grad,) = torch.autograd.grad(value, x)
        total = total + grad if accumulate else grad
        with torch.no_grad():
            if only_first:
                x[0] += sign * lr * total[0]
            else:
                x += sign * lr * total
    return values, x.detach()


def _same(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(p - q) <= 1e-4 * abs(q) + 1e-6 for p, q in zip(a, b, strict=True))


def _named_mistake(history, f, x0, lr, steps) -> tuple[str, str] | None:
    """Compare the history with known wrong descents: (cause, explanation) of the one it matches, else None."""
    right, _ = _descend64(f, x0, lr, steps)
    if _same(history, _descend64(f, x0, lr, steps, accumulate=True)[0]):
        return "never reset", ("It matches a descent whose gradients were never reset: Forgot to reset gradients? "
                               "Each backward() adds to x.grad, so every step also repeats all the earlier ones.")
    if _same(history, _descend64(f, x0, lr, steps, sign=1.0)[0]):
        return "ascends", ("The values rise: you stepped with the gradient. Did you add the gradient instead of "
                           "subtracting it? Gradient descent steps against the gradient.")
    if len(set(history)) == 1:
        return "stale", ("The values never change: they are stale. Did you recompute f(x) after each step? A value "
                         "computed before the loop does not follow x.")
    if _same(history[:-1], right[1:]):
        return "one step late", "The values are one step late: record f(x) before each step's update, not after it."
    if _same(history, _descend64(f, x0, lr, steps, only_first=True)[0]):
        return "only x[0]", ("It matches a descent in which only x[0] moves: the other elements of x never changed. "
                             "Every element of x steps against its own gradient.")
    return None


def _verdict(history, f, x0, lr, steps, fallback: str) -> tuple[str, str]:
    return _named_mistake(history, f, x0, lr, steps) or ("differs from a descent", fallback)


def _values(history, n=5) -> str:
    return ", ".join(f"{v:.4g}" for v in history[:n]) + (", …" if len(history) > n else "")


def test_gradient_descent_returns_one_float_per_step(kata, seed):
    f, x, _ = _bowl(seed)
    expect_history(kata.gradient_descent(f, x, LR, STEPS), STEPS, what="f(x)")


def test_the_first_value_is_f_at_the_start(kata, seed):
    f, x, _ = _bowl(seed)
    x0, start = x.detach().clone(), f(x).item()
    history = expect_history(kata.gradient_descent(f, x, LR, STEPS), STEPS, what="f(x)")
    if abs(history[0] - start) > 1e-5 * abs(start):
        cause, why = _verdict(history, f, x0, LR, STEPS, "Record f(x) before each step's update, not after it.")
        expect(False, f"gradient_descent(f, x, lr={LR}, steps={STEPS}) returned {history[0]:.6g} as its first value; "
                      f"f(x) at the start is {start:.6g}. {why}", cause=cause)


def test_the_values_fall_and_x_ends_near_the_bottom_of_a_bowl(kata, seed):
    f, x, c = _bowl(seed)
    x0 = x.detach().clone()
    history = expect_history(kata.gradient_descent(f, x, LR, STEPS), STEPS, what="f(x)")
    rises = [k for k in range(1, STEPS) if not history[k] < history[k - 1]]
    left, away = (x.detach() - c).norm().item(), (x0 - c).norm().item()
    if not rises and left <= 0.05 * away + 1e-5:
        return
    if torch.equal(x.detach(), x0):
        cause, why = "x did not move", ("x did not move at all: change the caller's x itself, in place, while "
                                        "autograd is paused.")
    else:
        cause, why = _verdict(history, f, x0, LR, STEPS, "Step x against the gradient each step, with a fresh "
                                                         "gradient each time.")
    seen = f"the value did not fall at step {rises[0]}" if rises else f"x ends {left:.4g} away from the bottom c"
    expect(False, f"gradient_descent(bowl, x, lr={LR}, steps={STEPS}): {seen} (values {_values(history, 6)}; x started "
                  f"{away:.4g} away from c, expected under 5% of that at the end). {why}", cause=cause)


def test_x_is_changed_in_place_and_stays_a_leaf(kata, seed):
    f, x, _ = _bowl(seed)
    x0 = x.detach().clone()
    kata.gradient_descent(f, x, LR, STEPS)
    expect(not torch.equal(x.detach(), x0),
           f"after gradient_descent(f, x, lr={LR}, steps={STEPS}), the caller's x has not changed. Rebinding "
           "`x = x - ...` makes a new local tensor; change the caller's x itself, in place.", cause="x did not move")
    expect(x.is_leaf and x.requires_grad,
           f"after gradient_descent(f, x, lr={LR}, steps={STEPS}), x is no longer a leaf tensor that requires grad "
           f"(is_leaf={x.is_leaf}, requires_grad={x.requires_grad}). Change its values in place while autograd is "
           "paused, and leave requires_grad as it was.", cause="x not a leaf")


def test_the_crop_loss_falls_when_descending_in_w(kata, seed):
    f, w = _crop(seed)
    w0, start = w.detach().clone(), f(w).item()
    history = expect_history(kata.gradient_descent(f, w, CROP_LR, CROP_STEPS), CROP_STEPS)
    falls = all(history[k] < history[k - 1] for k in range(1, CROP_STEPS))
    right, w_end = _descend64(f, w0, CROP_LR, CROP_STEPS)
    if falls and _same(history, right) and torch.allclose(w.detach().double(), w_end, rtol=1e-4, atol=1e-5):
        return
    cause, why = _verdict(history, f, w0, CROP_LR, CROP_STEPS, "Each step: the value of f at the current w, its "
                                                               "gradient, a step of every weight against it.")
    expect(False, f"gradient_descent(crop loss, w, lr={CROP_LR:g}, steps={CROP_STEPS}) returned losses "
                  f"{_values(history, 6)}; a float64 descent from the same w gives {_values(right, 6)} (it starts at "
                  f"{start:.6g}). {why}", cause=cause)


def test_the_values_and_x_match_a_float64_descent(kata, seed):
    f, x, c = _bowl(seed)
    x0 = x.detach().clone()
    history = expect_history(kata.gradient_descent(f, x, LR, STEPS), STEPS, what="f(x)")
    right, x_end = _descend64(f, x0, LR, STEPS)
    if _same(history, right) and torch.allclose(x.detach().double(), x_end, rtol=1e-4, atol=1e-5):
        return
    cause, why = _verdict(history, f, x0, LR, STEPS, "Per step: the value of f at the current x, its gradient, a "
                                                     "step of x against it, and a fresh gradient next time.")
    expect(False, f"gradient_descent(bowl, x, lr={LR}, steps={STEPS}) returned {_values(history)} and left x at "
                  f"{[round(v, 4) for v in x.detach().tolist()]}; a float64 descent gives {_values(right)} and ends "
                  f"at {[round(v, 4) for v in x_end.tolist()]}. {why}", cause=cause)


# The written half: katas/q20_gradient_descent.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("Gradient descent repeats one step many times: compute the loss and its gradients, then move every "
                     "parameter a little against its gradient.", "what the algorithm does"),
        written.false("Gradient descent computes the best weights in a single step, directly from the gradient.",
                      "what the algorithm does"),
        written.false("Gradient descent stops by itself once it reaches the lowest loss.", "when gradient descent stops"),
        written.true("Gradient descent runs for as many steps as we choose; afterwards the loss can still be above the "
                     "lowest possible.", "when gradient descent stops"),
        written.true("It is called gradient descent because it uses the gradient to move down the slope of the loss.",
                     "why it is called gradient descent"),
        written.false("It is called gradient descent because the gradients themselves get smaller (descend) with every "
                      "step.", "why it is called gradient descent"),
        written.true("The gradient points in the direction in which the loss increases fastest, so each step goes the "
                     "opposite way.", "which way a step goes"),
        written.false("Each step adds a small multiple of the gradient to the weights, because the gradient points "
                      "downhill.", "which way a step goes"),
    ),
    blanks=(
        written.Blank("The loss is (w − 3)², `w` is 5 and the learning rate is 0.1. What is `w` after one "
                      "gradient-descent step?", accept=("4.6",), reject=("5.4", "4.8", "5.2", "3", "4.9", "4.4"),
                      about="one gradient-descent step by hand", form="one number"),
    ),
    snippets=(
        written.Snippet("x = torch.tensor(4.0, requires_grad=True)\nfor _ in range(2):\n    (x ** 2).backward()\n"
                        "    with torch.no_grad():\n        x -= 0.25 * x.grad\n        x.grad.zero_()\n"
                        "print(x.item())", about="two gradient-descent steps on x²",
                        nudge="What is the gradient of x² at x = 4, and where does one step of 0.25 × gradient take "
                              "x? Then take the second step from there."),
    ),
    ideas=(
        "an iterative algorithm: predictions, loss, gradients, a small step of every parameter against its gradient, "
        "reset the gradients; repeat",
        "the gradient points uphill (steepest increase), so a small step against it goes downhill and lowers the loss; "
        "too large a step can make it rise",
        "the name: it descends the loss along the gradient",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
