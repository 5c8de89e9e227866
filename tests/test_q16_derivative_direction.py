"""q16 · Using a derivative to lower the loss."""

import pytest
import torch

from katakit import data, oracle
from katakit.checks import expect, expect_no_graph, expect_tensor, expect_unchanged
from katakit.written import check_concepts, check_length

STEP = 0.01  # small enough that one step against a crop-data slope lowers the loss (checked in float64)

RUBRIC = {
    "that the derivative tells how the loss changes as the weight changes (its slope)":
        (r"slope|rate of change|how (much|fast|quickly) the loss|(raise|lower|increase|decrease|reduce)s? the loss"
         r"|loss (goes up|rises|increases|grows|goes down|falls|decreases|drops)"),
    "that its sign gives the direction to move (against it: downhill)":
        r"sign|positive|negative|opposite|against|downhill|direction",
    "a worked example with numbers": r"\d",
    "that the step should be small": r"small|slight|little|tiny|learning rate|\blr\b",
}


def _start(seed):
    """A seeded starting point and its gradient, derived from the residuals (float64, then float32)."""
    w, b = data.params(seed)
    gw, _ = oracle.grads64(data.inputs(), data.targets(), w, b)
    return w, b, gw.float()


def _nudge(kata, w, grad, i, j, step=STEP) -> torch.Tensor:
    return expect_tensor(kata.nudge_weight(w, grad, i, j, step), shape=tuple(w.shape),
                         nudge="Return a tensor shaped like w: a copy with one element moved.")


def test_nudge_weight_returns_a_new_tensor_outside_the_graph(kata, seed):
    w, _, grad = _start(seed)
    new = _nudge(kata, w, grad, 0, 0)
    expect(new is not w, "nudge_weight(w, grad, 0, 0, step) returned w itself; return a new tensor and leave w as it was.")
    expect_no_graph(new, nudge="Start from a copy without the graph: w.detach().clone().")


def test_the_weight_moves_exactly_one_step(kata, seed):
    w, _, grad = _start(seed)
    i, j = seed % 2, seed % 3
    g, start = grad[i, j].item(), w[i, j].item()
    new = _nudge(kata, w, grad, i, j)
    moved = new[i, j].item() - start
    expected = -STEP if g > 0 else STEP
    if abs(abs(moved) - STEP * abs(g)) < 1e-3 * STEP * abs(g):
        nudge = "It moved by step × gradient. Here the gradient only gives the direction: move by exactly step."
    elif abs(moved + expected) < 1e-6:
        nudge = "That is the wrong way: you moved with the gradient. Move against the sign of grad[i, j]."
    else:
        nudge = "Move it by exactly step, in the direction opposite to the sign of grad[i, j]."
    expect(abs(moved - expected) < 1e-6,
           f"nudge_weight(w, grad, {i}, {j}, step={STEP}) moved w[{i}, {j}] by {moved:.6g} (grad[{i}, {j}] = {g:.4g}); "
           f"expected {expected:+g}. {nudge}")


def test_only_the_chosen_weight_changes(kata, seed):
    w, _, grad = _start(seed)
    i, j = 1, seed % 3
    before = w.detach().clone()
    new = _nudge(kata, w, grad, i, j)
    others = torch.ones_like(w, dtype=torch.bool)
    others[i, j] = False
    changed = (new.detach() != before) & others
    expect(not changed.any(),
           f"nudge_weight(w, grad, {i}, {j}, step) also changed other elements than w[{i}, {j}] "
           f"(at {[tuple(ix) for ix in changed.nonzero().tolist()]}). Move one weight and keep the rest as they are, "
           "so you can see what that one derivative says.")


def test_a_zero_gradient_leaves_the_weight_where_it_is(kata, seed):
    w, _, grad = _start(seed)
    i, j = seed % 2, 2
    grad[i, j] = 0.0
    start = w[i, j].item()
    new = _nudge(kata, w, grad, i, j)
    expect(new[i, j].item() == start,
           f"nudge_weight(w, grad, {i}, {j}, step) moved w[{i}, {j}] from {start:.6g} to "
           f"{new[i, j].item():.6g} although grad[{i}, {j}] is 0. A zero slope gives no direction: neither way is "
           "downhill, so leave the weight where it is.")


def test_w_is_not_changed(kata, seed):
    w, _, grad = _start(seed)
    before = w.detach().clone()
    kata.nudge_weight(w, grad, 1, 1, STEP)
    expect_unchanged(before, w, "w")


def test_the_nudge_lowers_the_loss_in_float64(kata, seed):
    w, b, grad = _start(seed)
    before = oracle.loss64(w, b)
    for i in range(2):
        for j in range(3):
            g = grad[i, j].item()
            downhill = w.detach().clone()
            downhill[i, j] -= STEP * (1 if g > 0 else -1)
            if oracle.loss64(downhill, b) >= before:
                continue  # the slope is too gentle for this step to help; nothing to check here
            new = _nudge(kata, w.detach().clone().requires_grad_(), grad, i, j)
            after = oracle.loss64(new, b)
            moved = new[i, j].item() - w[i, j].item()
            if moved * g > 0:
                way = "grows as this weight grows, so make it smaller" if g > 0 else "falls as this weight grows, so make it larger"
                why = f"You moved with the gradient. This slope is {'positive' if g > 0 else 'negative'}: the loss {way}."
            elif moved == 0:
                why = "The weight did not move: move it by step, against the sign of the derivative."
            elif abs(moved) > 1.5 * STEP:
                why = "That is far more than step: the slope only describes the loss near w, so move by a small step."
            else:
                why = "Move only this weight, by step, against the sign of the derivative."
            expect(after < before,
                   f"nudge_weight(w, grad, {i}, {j}, step={STEP}) moved w[{i}, {j}] by {moved:+.4g} where "
                   f"d(loss)/dw[{i}, {j}] = {g:.4g}; the loss went from {before:.6g} to {after:.6g}, "
                   f"expected lower. {why}")


@pytest.mark.written
def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
