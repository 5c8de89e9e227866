"""q29 · When the loss does not decrease."""

import math

import pytest
import torch

from katakit import data
from katakit.checks import expect
from katakit.written import check_concepts, check_length

NAN, INF = float("nan"), float("inf")


def _history(seed, lr, epochs) -> list[float]:
    """A real loss history: full-batch gradient descent on the crop data from the seeded model.

    Measured over seeds 0..49: at 5e-4 the loss is finite but above 1e20 after 8 epochs, first inf at epoch
    20 or 21, first nan at epoch 41 to 43; at 1e-5 it falls every epoch.
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
    shown = ", ".join(f"{v:.3g}" for v in losses[:3])
    return f"[{shown}, …, {losses[-1]:.3g}]" if len(losses) > 4 else "[" + ", ".join(f"{v:.3g}" for v in losses) + "]"


def _adjust(kata, losses, lr, expected, why):
    """Call the kata, check the result is a float equal to `expected`, and name the mistake when it is not."""
    given = list(losses)
    result = kata.adjust_learning_rate(losses, lr)
    called = f"adjust_learning_rate({_show(given)}, {lr:g})"
    assert isinstance(result, float), (
        f"{called} returned {result!r} ({type(result).__name__}); expected the next learning rate as a Python float.")
    expect(len(losses) == len(given) and all(a == b or (a != a and b != b) for a, b in zip(losses, given, strict=True)),
           f"{called} changed the losses list it was given. Read the history; do not sort, pop or edit it.")
    if math.isclose(result, expected, rel_tol=1e-9):
        return
    if expected < lr and result > lr:
        nudge = "That is a larger learning rate; a diverging run needs a smaller one: divide by 10."
    elif expected < lr and result == lr and any(v != v for v in given):
        nudge = ("The history holds nan, and comparisons with nan are always False, so `last > first` cannot see "
                 "it. Check every loss with math.isfinite first.")
    elif expected == lr and result < lr and all(b <= a for a, b in zip(given, given[1:], strict=False)):
        nudge = ("The loss fell, so the learning rate is fine. Did you compare the first and the last loss the "
                 "wrong way round? Diverged means the last is above the first.")
    else:
        nudge = why
    expect(False, f"{called} returned {result:g}; expected {expected:g}. {nudge}")


def test_a_run_that_blew_up_to_inf_gets_a_ten_times_smaller_learning_rate(kata, seed):
    _adjust(kata, _history(seed, 5e-4, 25), 5e-4, 5e-5,
            "The loss reached inf: the run diverged, so return lr / 10.")


def test_a_run_whose_loss_grew_gets_a_smaller_learning_rate_while_still_finite(kata, seed):
    _adjust(kata, _history(seed, 5e-4, 8), 5e-4, 5e-5,
            "The last loss is above the first: the run diverged, so return lr / 10.")


def test_a_run_whose_loss_fell_keeps_its_learning_rate(kata, seed):
    _adjust(kata, _history(seed, 1e-5, 10), 1e-5, 1e-5,
            "The loss fell every epoch: keep the learning rate.")


def test_a_run_that_ended_in_nan_counts_as_diverged(kata, seed):
    _adjust(kata, _history(seed, 5e-4, 45), 5e-4, 5e-5,
            "The loss ended as nan: the run diverged, so return lr / 10.")


def test_a_nan_after_a_falling_loss_still_counts_as_diverged(kata):
    _adjust(kata, [120.0, 80.0, NAN], 1e-5, 1e-6,
            "nan is not a loss at all: any loss that is not finite means the run diverged.")


def test_an_inf_in_the_middle_counts_as_diverged(kata):
    _adjust(kata, [120.0, INF, 90.0], 1e-5, 1e-6,
            "inf anywhere in the history means the run diverged.")


def test_a_flat_history_keeps_its_learning_rate(kata):
    _adjust(kata, [50.0, 50.0, 50.0], 1e-5, 1e-5,
            "The last loss is not above the first, so by the rule the learning rate stays.")


def test_only_the_first_and_the_last_loss_decide_when_all_are_finite(kata):
    _adjust(kata, [100.0, 130.0, 90.0], 1e-3, 1e-3,
            "The loss ended below where it started: keep the learning rate, even though it rose on the way.")
    _adjust(kata, [100.0, 70.0, 110.0], 1e-3, 1e-4,
            "The loss ended above where it started: the run diverged, so return lr / 10.")


# The written half: katas/q29_loss_not_decreasing.md

RUBRIC = {
    "lowering the learning rate": r"(lower|reduc|decreas|smaller|divid|cut|shrink)\w*.{0,40}(learning rate|lr)|(learning rate|lr).{0,40}(lower|reduc|decreas|smaller|too (high|large|big)|divid)",
    "starting again from a fresh (re-initialised) model after a divergence": r"re-?(creat|initiali[sz]|init|start)|fresh|new model|from scratch|start (over|again)|reset the (model|weights|parameters)",
    "one more thing to check (gradients reset, data normalised or scaled, more epochs)": r"zero|reset.{0,30}grad|grad\w*.{0,30}reset|normali[sz]|standardi[sz]|scal|more epochs|longer|bug",
}


@pytest.mark.written
def test_the_written_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_written_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
