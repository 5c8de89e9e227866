"""q29 · When the loss does not decrease."""

import math

import torch

from katakit import data, written
from katakit.checks import expect, require

NAN, INF = float("nan"), float("inf")


def _history(seed, lr, epochs) -> list[float]:
    """A real loss history: full-batch gradient descent on the crop data from the seeded model.

    Measured over seeds 0..49: at 5e-4 the loss is finite but above 1e20 after 8 epochs, first inf at epoch
    20 or 21, first nan at epoch 41 to 43. Over seeds 0..299, in 10 epochs: at 1e-5 the loss falls by 15% to
    97% of the first loss (falling well); at 1e-9 by 0.003% to 0.03% (stalled).
    """
    w, b = data.params(seed)
    inputs, targets = data.inputs(), data.targets()
    losses = []
    for _ in range(epochs):
        loss = ((inputs @ w.t() + b - targets) ** 2).mean()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return losses


def _show(losses) -> str:
    shown = ", ".join(f"{v:.4g}" for v in losses[:3])
    return f"[{shown}, …, {losses[-1]:.4g}]" if len(losses) > 4 else "[" + ", ".join(f"{v:.4g}" for v in losses) + "]"


def _case(losses) -> str:
    """The rule of the docstring: which case the history is."""
    if not all(math.isfinite(v) for v in losses) or losses[-1] > losses[0]:
        return "diverging"
    return "stalled" if losses[0] - losses[-1] < 0.01 * losses[0] else "falling well"


NEXT = {"diverging": 0.1, "stalled": 10.0, "falling well": 1.0}  # the next lr, as a multiple of lr
SAID = {0.1: "lr / 10", 10.0: "lr * 10", 1.0: "lr unchanged"}


def _factor(result, lr):
    """The result as one of the rule's three multiples of lr, or None."""
    if not isinstance(result, (float, int)):
        return None
    return next((k for k in NEXT.values() if math.isclose(result, lr * k, rel_tol=1e-9)), None)


def _seen(losses) -> str:
    """Which case the history is, and what in it makes it so."""
    case, first, last = _case(losses), losses[0], losses[-1]
    if case == "diverging":
        if any(v != v for v in losses):
            return "diverging: it holds nan"
        if any(math.isinf(v) for v in losses):
            return "diverging: it holds inf"
        return f"diverging: the last loss ({last:.4g}) is above the first ({first:.4g})"
    if last == first:
        return f"stalled: the loss did not fall at all ({first:.4g} to {last:.4g})"
    share = 100 * (first - last) / first
    return f"{case}: the loss fell by {share:.3g}% of the first loss ({first:.4g} to {last:.4g})"


def _probe(kata, losses, lr):
    """The next learning rate the kata gives for `losses`, as a multiple of lr (a probe, not a check)."""
    return _factor(kata.adjust_learning_rate(list(losses), lr), lr)


def _why(kata, given, lr, factor) -> tuple[str, str]:
    """(cause, nudge) for a history whose next learning rate came back as `factor` times lr, not the rule's."""
    case = _case(given)
    # probes: the same function on tell-tale histories (evidence, not a guess, of what the rule compares)
    if _probe(kata, [150.0, 100.0], lr) == 0.1 and _probe(kata, [100.0, 150.0], lr) != 0.1:
        return "wrong ends", ("It also divides the learning rate for [150, 100], a loss that fell by a third, but not "
                              "for [100, 150], one that grew: the first and the last loss are compared the wrong way "
                              "round. Diverging means the last is above the first.")
    if case == "diverging":
        if factor == 10.0:
            return "larger for diverging", "That is a larger learning rate; a diverging run needs a smaller one."
        if any(v != v for v in given):
            return "nan", ("Comparisons with nan are always False, so `last > first` (or any other comparison) "
                           "cannot see it. Check every loss with math.isfinite first.")
        if any(math.isinf(v) for v in given):
            return "inf", "inf anywhere in the history means the run diverged, even when the last loss is finite."
        return "growth", "Whatever happened in between, a last loss above the first means the run diverged."
    finite = all(math.isfinite(v) for v in given)
    if finite and any(_probe(kata, [v * scale for v in given], lr) != factor for scale in (1e-4, 1e4)):
        return "not relative", ("The same history scaled by 1/10000 or by 10000 gets another answer, so your rule "
                                "depends on the size of the losses. Measure the fall as a share of the first loss.")
    if case == "stalled":
        if factor == 0.1 and given[-1] == given[0]:
            return "flat is not diverging", "A flat loss has not diverged: its last loss is not above the first."
        if factor == 0.1:
            return "stalled, not diverging", "The last loss is below the first: the run stalled, it did not diverge."
        return "stalled", "A stalled run gets lr * 10: its steps are too small to get anywhere."
    if factor == 0.1 and any(b > a for a, b in zip(given, given[1:], strict=False)):
        return "neighbours", ("The loss ended below where it started: keep the learning rate, even though it rose on "
                              "the way. Only the first and the last loss decide.")
    if factor == 0.1:
        return "falling well, not diverging", "The loss fell, and by at least 1%: the learning rate is fine as it is."
    return "falling well, not stalled", "A fall of at least 1% of the first loss is falling well, not stalled."


def _adjust(kata, losses, lr):
    """Call the kata, check the result is a float and the rule's next learning rate, and say why when it is not."""
    given = list(losses)
    result = kata.adjust_learning_rate(losses, lr)
    called = f"adjust_learning_rate({_show(given)}, {lr:g})"
    require(isinstance(result, float),
            f"{called} returned {result!r} ({type(result).__name__}); expected the next learning rate as a Python "
            "float.", cause="adjust_learning_rate: type")
    expect(len(losses) == len(given) and all(a == b or (a != a and b != b) for a, b in zip(losses, given, strict=True)),
           f"{called} changed the losses list it was given. Read the history; do not sort, pop or edit it.",
           cause="changed the list")
    expected = NEXT[_case(given)]
    factor = _factor(result, lr)
    if factor == expected:
        return
    if factor is None:
        cause, why = "not one of the three", "The rule only ever returns lr / 10, lr * 10 or lr itself."
        shown = f"{result:g} ({result / lr:.3g} times lr)" if lr else f"{result:g}"
    else:
        cause, why = _why(kata, given, lr, factor)
        shown = f"{result:g} ({SAID[factor]})"
    expect(False, f"{called} returned {shown}; expected {lr * expected:g} ({SAID[expected]}). The history is "
                  f"{_seen(given)}. {why}", cause=cause)


def test_a_run_that_blew_up_to_inf_counts_as_diverging(kata, seed):
    _adjust(kata, _history(seed, 5e-4, 25), 5e-4)


def test_a_run_whose_loss_grew_counts_as_diverging_while_still_finite(kata, seed):
    _adjust(kata, _history(seed, 5e-4, 8), 5e-4)


def test_a_run_that_ended_in_nan_counts_as_diverging(kata, seed):
    _adjust(kata, _history(seed, 5e-4, 45), 5e-4)


def test_a_nan_after_a_falling_loss_still_counts_as_diverging(kata):
    _adjust(kata, [120.0, 80.0, NAN], 1e-5)


def test_an_inf_in_the_middle_counts_as_diverging(kata):
    _adjust(kata, [120.0, INF, 90.0], 1e-5)


def test_a_run_whose_loss_fell_by_a_lot_counts_as_falling_well(kata, seed):
    _adjust(kata, _history(seed, 1e-5, 10), 1e-5)


def test_a_run_whose_loss_barely_moved_counts_as_stalled(kata, seed):
    _adjust(kata, _history(seed, 1e-9, 10), 1e-9)


def test_a_flat_history_counts_as_stalled(kata):
    _adjust(kata, [50.0, 50.0, 50.0], 1e-5)


def test_only_the_first_and_the_last_loss_decide_when_all_are_finite(kata):
    _adjust(kata, [100.0, 130.0, 90.0], 1e-3)
    _adjust(kata, [100.0, 70.0, 110.0], 1e-3)


def test_a_stall_is_measured_as_a_share_of_the_first_loss(kata):
    _adjust(kata, [1000.0, 997.0, 995.0], 1e-5)
    _adjust(kata, [0.002, 0.0015, 0.001], 1e-5)


# The written half: katas/q29_loss_not_decreasing.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("A learning rate that is too small makes the loss fall by only a tiny amount each epoch.",
                     "what a loss that falls very slowly means"),
        written.false("If the loss grows, training for more epochs will bring it back down in the end.",
                      "whether more epochs fix a growing loss"),
        written.true("If the loss grows from epoch to epoch, the likeliest cause is a learning rate that is too high.",
                     "what a growing loss calls for"),
        written.false("A loss that falls by only a tiny amount each epoch means the learning rate is too high.",
                      "what a loss that falls very slowly means"),
        written.true("With a learning rate that is too high, each step overshoots the minimum, and the loss can grow "
                     "until it becomes inf or nan.", "what a learning rate that is too high does"),
        written.false("If the loss grows from epoch to epoch, raise the learning rate.",
                      "what a growing loss calls for"),
        written.false("Once the loss is nan, training on with a smaller learning rate brings it back down.",
                      "what to do with a model that diverged"),
        written.true("A loss that does not change at all can come from a bug instead of the learning rate, such as "
                     "predictions that are not recomputed after the update.", "when the learning rate is not the cause"),
        written.true("After a run diverged, re-create the model with fresh weights before training it again.",
                     "what to do with a model that diverged"),
    ),
    blanks=(
        written.Blank("The loss grows from epoch to epoch. Do you raise or lower the learning rate?",
                      accept=("lower", "decrease", "reduce", "lower it", "decrease it", "reduce it",
                              "lower the learning rate", "decrease the learning rate", "reduce the learning rate",
                              "lower the lr", "decrease the lr", "reduce the lr", "make it smaller", "smaller",
                              "divide it by 10"),
                      reject=("raise", "increase", "raise it", "higher", "keep it", "neither", "more epochs",
                              "train longer"),
                      form="one word", about="which way to change the learning rate when the loss grows"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor(0.0, requires_grad=True)\nfor epoch in range(3):\n"
                        "    ((w - 1) ** 2).backward()\n    with torch.no_grad():\n        w -= 1.5 * w.grad\n"
                        "        w.grad.zero_()\nprint(w.item())", about="gradient descent with a large learning rate",
                        nudge="d((w - 1)²)/dw is 2(w - 1). Follow w through each epoch: how far from 1 is it "
                              "each time?"),
        written.Snippet("w = torch.tensor(0.0, requires_grad=True)\nfor epoch in range(3):\n"
                        "    ((w - 1) ** 2).backward()\n    with torch.no_grad():\n        w -= 0.25 * w.grad\n"
                        "        w.grad.zero_()\nprint(w.item())",
                        about="the same loss with a learning rate six times smaller",
                        nudge="d((w - 1)²)/dw is 2(w - 1). How far from 1 is w after each step now?"),
    ),
    ideas=(
        "a loss that grows or becomes inf/nan means the learning rate is too high: lower it (e.g. divide by 10)",
        "after a divergence, start again from a freshly initialised model",
        "a loss that falls only very slowly means the learning rate is too small: raise it or train longer; a loss "
        "that never moves may be a bug (stale predictions, no update)",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
