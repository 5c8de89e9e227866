"""q20 · The gradient descent algorithm."""

import pytest
import torch

from katakit import data, oracle
from katakit.checks import expect, expect_close, expect_history, expect_leaves
from katakit.written import check_concepts, check_length

LR, STEPS = 0.15, 12  # on the bowl below each step shrinks the distance to the bottom by 1 - 2·LR = 0.7

RUBRIC = {
    "that it repeats small steps (iterative)": r"repeat|again|iterat|loop|step by step|many (small )?steps|each step|every step|over and over",
    "the direction: opposite to the gradient (downhill)": r"opposite|against|negative (of the )?gradient|subtract|minus|downhill|down ?hill",
    "what the gradient is: the direction of steepest increase": r"steepest|fastest|increas|ascent|uphill|up ?hill|grows|rises",
    "why 'descent': the loss goes down": r"descen|go(es)? down|goes lower|decreas|lower(s|ing)? the (loss|value|error)|reduc|down the",
}


def _bowl(seed):
    """f(x) = ((x - c)²).sum(): lowest, 0, at x = c. Both c and the start come from the seed."""
    c = data.random_batch(seed, 1, 3).reshape(3)
    x = data.random_batch(seed + 1, 1, 3).reshape(3).requires_grad_()
    return (lambda v: ((v - c) ** 2).sum()), x, c


def _simulate(x0, c, lr, steps, sign=-1.0, accumulate=False) -> list[float]:
    """The values of a (possibly wrong) descent on the bowl, in float64."""
    x, c, total, values = x0.detach().double(), c.double(), torch.zeros(3, dtype=torch.float64), []
    for _ in range(steps):
        values.append(((x - c) ** 2).sum().item())
        grad = 2 * (x - c)
        total = total + grad if accumulate else grad
        x = x + sign * lr * total
    return values


def _same(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(p - q) <= 1e-4 * abs(q) + 1e-6 for p, q in zip(a, b, strict=True))


def _named_mistake(history, x0, c) -> str:
    """Compare the history with known wrong descents and name the one it matches."""
    right = _simulate(x0, c, LR, STEPS)
    if _same(history, _simulate(x0, c, LR, STEPS, accumulate=True)):
        return ("It matches a descent whose gradients were never reset: Forgot to reset gradients? Each "
                "backward() adds to x.grad, so every step also repeats all the earlier ones. Reset x.grad after each step.")
    if _same(history, _simulate(x0, c, LR, STEPS, sign=1.0)):
        return ("The values rise: you stepped with the gradient. Did you add the gradient instead of subtracting it? "
                "Gradient descent steps against the gradient.")
    if len(set(history)) == 1:
        return ("The values never change: they are stale. Did you recompute f(x) after each step? "
                "A value computed before the loop does not follow x.")
    if _same(history, right[1:] + [history[-1]]) or _same(history[:-1], right[1:]):
        return "The values are one step late: record f(x) before each step's update, not after it."
    return "Per step: value = f(x), value.backward(), record value.item(), then x -= lr * x.grad and reset x.grad."


def test_gradient_descent_returns_one_float_per_step(kata, seed):
    f, x, _ = _bowl(seed)
    expect_history(kata.gradient_descent(f, x, LR, STEPS), STEPS, what="f(x)")


def test_the_first_value_is_f_at_the_start(kata, seed):
    f, x, c = _bowl(seed)
    start = f(x).item()
    history = expect_history(kata.gradient_descent(f, x, LR, STEPS), STEPS, what="f(x)")
    expect(abs(history[0] - start) <= 1e-5 * abs(start),
           f"gradient_descent(f, x, lr={LR}, steps={STEPS}) returned {history[0]:.6g} as its first value; f(x) at "
           f"the start is {start:.6g}. Record f(x) before each step's update, not after it.")


def test_the_values_fall_and_x_ends_near_the_bottom_of_a_bowl(kata, seed):
    f, x, c = _bowl(seed)
    x0 = x.detach().clone()
    history = expect_history(kata.gradient_descent(f, x, LR, STEPS), STEPS, what="f(x)")
    rises = [k for k in range(1, STEPS) if not history[k] < history[k - 1]]
    expect(not rises,
           f"gradient_descent(bowl, x, lr={LR}, steps={STEPS}): the value did not fall at step {rises[0] if rises else '-'} "
           f"({', '.join(f'{v:.4g}' for v in history[:6])}, …). {_named_mistake(history, x0, c)}")
    left = (x.detach() - c).norm().item()
    nudge = ("x did not move at all: update x itself, in place (`x -= lr * x.grad` inside torch.no_grad())."
             if torch.equal(x.detach(), x0) else _named_mistake(history, x0, c))
    expect(left <= 0.05 * (x0 - c).norm().item() + 1e-5,
           f"after gradient_descent(bowl, x, lr={LR}, steps={STEPS}), x is {left:.4g} away from the bottom c "
           f"(it started {(x0 - c).norm().item():.4g} away); expected under 5% of that. {nudge}")


def test_x_is_changed_in_place_and_stays_a_leaf(kata, seed):
    f, x, _ = _bowl(seed)
    x0 = x.detach().clone()
    kata.gradient_descent(f, x, LR, STEPS)
    expect(not torch.equal(x.detach(), x0),
           f"after gradient_descent(f, x, lr={LR}, steps={STEPS}), the caller's x has not changed. Rebinding "
           "`x = x - lr * x.grad` makes a new local tensor; change x in place: `x -= lr * x.grad` under torch.no_grad().")
    expect_leaves([x], ["x"])


def test_the_crop_loss_falls_when_descending_in_w(kata, seed):
    w, b = data.params(seed)
    b, inputs, targets = b.detach(), data.inputs(), data.targets()
    start = oracle.loss64(w, b)
    history = expect_history(kata.gradient_descent(lambda v: ((inputs @ v.t() + b - targets) ** 2).mean(),
                                                   w, 1e-5, 10), 10)
    expect(abs(history[0] - start) <= 1e-4 * start,
           f"gradient_descent(crop loss, w, lr=1e-5, steps=10) returned {history[0]:.6g} first; the loss at the start "
           f"is {start:.6g}. Record the value before each step.")
    expect(all(history[k] < history[k - 1] for k in range(1, 10)),
           f"gradient_descent(crop loss, w, lr=1e-5, steps=10) returned losses {', '.join(f'{v:.5g}' for v in history)}; "
           "with lr 1e-5 every step should lower the crop loss. Recompute the loss each step, step against the "
           "gradient, and reset w.grad after each step.")
    expect(oracle.loss64(w, b) < history[-1],
           f"after gradient_descent(crop loss, w, lr=1e-5, steps=10), the loss at w is {oracle.loss64(w, b):.6g}, not "
           f"below the last recorded value {history[-1]:.6g}. Did the last step change w?")


def test_the_values_match_a_float64_descent(kata, seed):
    f, x, c = _bowl(seed)
    x0 = x.detach().clone()
    history = expect_history(kata.gradient_descent(f, x, LR, STEPS), STEPS, what="f(x)")
    right = _simulate(x0, c, LR, STEPS)
    if not _same(history, right):
        expect(False, f"gradient_descent(bowl, x, lr={LR}, steps={STEPS}) returned "
                      f"{', '.join(f'{v:.4g}' for v in history[:5])}, …; a float64 descent gives "
                      f"{', '.join(f'{v:.4g}' for v in right[:5])}, …. {_named_mistake(history, x0, c)}")
    expected_x = x0.double() - (x0.double() - c.double()) * (1 - (1 - 2 * LR) ** STEPS)
    expect_close(x, expected_x, what="x after the last step", rtol=1e-4, atol=1e-5)


@pytest.mark.written
def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
