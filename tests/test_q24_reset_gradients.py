"""q24 · Resetting gradients."""

import torch

from katakit import data, oracle, written
from katakit.checks import expect, note


def _backward(w, b):
    """One forward pass on the crop data and one backward(): adds d(MSE)/dw and d(MSE)/db to w.grad, b.grad."""
    ((data.inputs() @ w.t() + b - data.targets()) ** 2).mean().backward()


def _names(names: list[str]) -> str:
    return " and ".join(names)


def _reset(kata, params: list[torch.Tensor], names: list[str]) -> bool:
    """Call reset_gradients(params) and check what it left: the same values, every .grad None or zeros.
    The failure names the mistake from what it saw; True when all is well."""
    called = f"reset_gradients([{', '.join(names)}])"
    values = [p.detach().clone() for p in params]
    grads = [None if p.grad is None else p.grad.clone() for p in params]
    kata.reset_gradients(params)
    changed = [n for p, n, v in zip(params, names, values, strict=True) if not torch.equal(p.detach(), v)]
    if changed:
        return expect(False, f"{called} changed the values of {_names(changed)} "
                             f"{'itself' if len(changed) == 1 else 'themselves'}. Reset the gradients held in .grad, "
                             "not the parameters: the weights are what training has learned so far.",
                      cause="changed the parameters")
    held = [(n, p.grad, g) for p, n, g in zip(params, names, grads, strict=True)
            if p.grad is not None and bool(p.grad.any())]
    if not held:
        return True
    cleared = [n for p, n in zip(params, names, strict=True) if p.grad is None or not p.grad.any()]
    as_before = [n for n, now, g in held if g is not None and torch.equal(now, g)]
    if len(as_before) == len(params):
        return expect(False, f"after {called}, every .grad is exactly as it was before the call: nothing was reset. "
                             "Change each parameter's own .grad: a copy of it, or a local name, leaves p.grad as it was.",
                      cause="nothing reset")
    if as_before and len(as_before) == len(held):
        return expect(False, f"{called} reset {_names([n + '.grad' for n in cleared])} but left "
                             f"{_names([n + '.grad' for n in as_before])} as {'it was' if len(as_before) == 1 else 'they were'}"
                             ": every parameter in the list needs its reset.", cause="reset only some")
    ratios = {round(float((now * g).sum() / (g * g).sum()), 3) for _, now, g in held if g is not None and g.any()}
    if len(ratios) == 1 and all(g is not None and torch.allclose(now, next(iter(ratios)) * g) for _, now, g in held):
        return expect(False, f"after {called}, {_names([n + '.grad' for n, _, _ in held])} still "
                             f"hold{'s' if len(held) == 1 else ''} {next(iter(ratios)):g} times the gradient held before the call: "
                             "the old gradient was not fully cleared, and the next backward() adds to whatever .grad "
                             "holds.", cause="not fully cleared")
    largest = max(now.abs().max().item() for _, now, _ in held)
    return expect(False, f"after {called}, {_names([n + '.grad' for n, _, _ in held])} still "
                         f"hold{'s' if len(held) == 1 else ''} a gradient (largest entry {largest:.4g}); expected zeros "
                         "or None. The next backward() would add to it.", cause="still holds a gradient")


def test_after_a_backward_every_gradient_is_reset(kata, seed):
    w, b = data.params(seed)
    _backward(w, b)
    _reset(kata, [w, b], ["w", "b"])


def test_a_reset_before_any_backward_leaves_the_parameters_alone(kata, seed):
    """The lesson resets only after a backward(); before one, .grad is None. Handling that is going further."""
    w, b = data.params(seed)
    try:
        _reset(kata, [w, b], ["w", "b"])
    except AttributeError as err:
        if "NoneType" not in str(err):
            raise
        note(False, "Going further: your reset_gradients fails when a .grad is None, as it is before the first "
                    "backward() or after opt.zero_grad(). The lesson never resets then; a reset that skips a missing "
                    "gradient works everywhere.")


def test_every_parameter_in_the_list_is_reset_whatever_its_shape(kata, seed):
    w, b = data.params(seed)
    scale = torch.tensor(2.0, requires_grad=True)
    ((data.inputs() @ (scale * w).t() + b - data.targets()) ** 2).mean().backward()
    _reset(kata, [scale, b, w], ["scale", "b", "w"])


def test_after_a_reset_the_next_backward_gives_the_single_gradient_not_the_accumulated_one(kata, seed):
    w, b = data.params(seed)
    _backward(w, b)
    _backward(w, b)  # w.grad and b.grad now hold twice the gradient
    if not _reset(kata, [w, b], ["w", "b"]):
        return
    _backward(w, b)
    expected_w, expected_b = oracle.grads64(data.inputs(), data.targets(), w, b)
    for name, p, expected in (("w", w, expected_w), ("b", b, expected_b)):
        got = p.grad.double()
        times = (got * expected).sum().item() / (expected * expected).sum().item()
        expect(torch.allclose(got, expected, rtol=1e-4, atol=1e-3),
               f"reset_gradients([w, b]) then one more backward(): {name}.grad is {times:.3g} times the single "
               "gradient (expected exactly 1 time).", cause="not the single gradient")


def test_the_parameters_keep_their_values_and_stay_leaves_that_require_grad(kata, seed):
    w, b = data.params(seed)
    _backward(w, b)
    _reset(kata, [w, b], ["w", "b"])
    lost = [name for p, name in ((w, "w"), (b, "b")) if not (p.is_leaf and p.requires_grad)]
    expect(not lost, f"after reset_gradients([w, b]), {_names(lost)} {'is' if len(lost) == 1 else 'are'} no longer a "
                     "leaf tensor that requires grad, so the next backward() would not fill its .grad. Reset the "
                     "gradients only.", cause="not leaves")


# The written half: katas/q24_reset_gradients.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.false("`w.grad.zero_()` sets the weight `w` itself to zero, ready for the next step.",
                      "what the reset changes"),
        written.false("Without a reset, each backward() replaces the old gradient, so forgetting the reset changes "
                      "nothing.", "what goes wrong without a reset"),
        written.true("Without a reset, the second update moves `w` by the learning rate times the sum of the old "
                     "gradient and the new one.", "what goes wrong without a reset"),
        written.true("Setting `w.grad = None` is also a reset: the next backward() stores a fresh gradient.",
                     "what resets a gradient"),
        written.false("`w.grad.zero_()` works before the first backward(), because `.grad` starts as a tensor of "
                      "zeros.", "what .grad holds before the first backward()"),
        written.true("The reset changes only the gradients: the weights keep the values the update gave them.",
                     "what the reset changes"),
        written.false("Updating the weights inside `torch.no_grad()` also resets their gradients.",
                      "what resets a gradient"),
        written.false("The reset can just as well come between backward() and the update.",
                      "when the reset happens"),
        written.true("The reset may sit at the end of a step or at the start of the next, as long as it runs after "
                     "the update and before the next backward().", "when the reset happens"),
    ),
    blanks=(
        written.Blank("Two backward() calls on the same data and weights, with no reset in between, leave `w.grad` at "
                      "how many times the gradient of one call?",
                      accept=("2", "twice", "two times", "2 times", "double", "doubled", "exactly twice",
                              "exactly 2 times"),
                      reject=("1", "4", "0", "once", "the same"), form="one number",
                      about="how much two backward() calls add up to"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor(3.0, requires_grad=True)\n(w * w).backward()\n(w * w).backward()\n"
                        "print(w.grad)", about="two backward() calls without a reset",
                        nudge="What is d(w²)/dw at w = 3, and what does the second backward() do with it?"),
        written.Snippet("w = torch.tensor(2.0, requires_grad=True)\n(5 * w).backward()\nw.grad.zero_()\n"
                        "with torch.no_grad():\n    w -= 0.1 * w.grad\nprint(w.item())",
                        about="a reset that comes before the update",
                        nudge="What is left in w.grad when the update reads it?"),
        written.Snippet("w = torch.tensor(2.0, requires_grad=True)\n(5 * w).backward()\nw.grad.zero_()\n"
                        "(3 * w).backward()\nprint(w.grad)", about="a reset between two backward() calls",
                        nudge="After zero_(), what is left of the first gradient?"),
    ),
    ideas=(
        "backward() adds to .grad (gradients accumulate) instead of replacing it",
        "without a reset the next update uses old plus new gradients: too large, and partly from old weights",
        "the reset clears .grad only, never the weights; it comes after the update and before the next backward() "
        "(zeros or None)",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
