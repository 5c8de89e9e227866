"""q16 · Using a derivative to lower the loss."""

import torch

from katakit import data, oracle, written
from katakit.checks import expect, expect_tensor, expect_unchanged

STEP = 0.01  # small enough that one step against a crop-data slope lowers the loss (checked in float64)


def _start(seed):
    """A seeded starting point and its gradient, derived from the residuals (float64, then float32)."""
    w, b = data.params(seed)
    gw, _ = oracle.grads64(data.inputs(), data.targets(), w, b)
    return w, b, gw.float()


def _nudge(kata, w, grad, i, j, step=STEP) -> torch.Tensor:
    return expect_tensor(kata.nudge_weight(w, grad, i, j, step), shape=tuple(w.shape),
                         nudge="Return a tensor shaped like w: a copy with one element moved.")


def _how_it_moved(moved: float, g: float, step: float = STEP) -> tuple[str, str] | None:
    """(cause, explanation) when a move of w[i, j] by `moved` is not one step against a slope g != 0; else None."""
    right = -step if g > 0 else step
    if abs(moved - right) < 1e-6:
        return None
    if moved == 0:
        return "did not move", "The weight did not move: move it by step, against the sign of the derivative."
    if abs(abs(moved) - step * abs(g)) < 1e-3 * step * abs(g):
        return "step × gradient", ("It moved by step × gradient. Here the gradient only gives the direction: "
                                   "move by exactly step.")
    if abs(moved + right) < 1e-6:
        way = "grows as this weight grows, so make it smaller" if g > 0 else "falls as this weight grows, so make it larger"
        return "with the gradient", (f"You moved with the gradient. This slope is {'positive' if g > 0 else 'negative'}: "
                                     f"the loss {way}.")
    return "moved by another amount", "Move it by exactly step, in the direction opposite to the sign of grad[i, j]."


def test_nudge_weight_returns_a_new_tensor_outside_the_graph(kata, seed):
    w, _, grad = _start(seed)
    new = _nudge(kata, w, grad, 0, 0)
    expect(new is not w, "nudge_weight(w, grad, 0, 0, step) returned w itself; return a new tensor and leave w as it was.",
           cause="returned w itself")
    expect(new.grad_fn is None and not new.requires_grad,
           f"nudge_weight(w, grad, 0, 0, step) returned a tensor that is still part of the autograd graph "
           f"(requires_grad={new.requires_grad}): a copy made from w itself records how it came from w. "
           "Copy from a tensor cut off from the graph.", cause="still in the graph")


def test_the_weight_moves_exactly_one_step(kata, seed):
    w, _, grad = _start(seed)
    i, j = seed % 2, seed % 3
    g, start = grad[i, j].item(), w[i, j].item()
    new = _nudge(kata, w, grad, i, j)
    moved = new[i, j].item() - start
    wrong = _how_it_moved(moved, g)
    if wrong:
        expect(False, f"nudge_weight(w, grad, {i}, {j}, step={STEP}) moved w[{i}, {j}] by {moved:.6g} "
                      f"(grad[{i}, {j}] = {g:.4g}); expected {(-STEP if g > 0 else STEP):+g}. {wrong[1]}", cause=wrong[0])


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
           "so you can see what that one derivative says.", cause="moved other weights")


def test_a_zero_gradient_leaves_the_weight_where_it_is(kata, seed):
    w, _, grad = _start(seed)
    i, j = seed % 2, 2
    grad[i, j] = 0.0
    start = w[i, j].item()
    new = _nudge(kata, w, grad, i, j)
    expect(new[i, j].item() == start,
           f"nudge_weight(w, grad, {i}, {j}, step) moved w[{i}, {j}] from {start:.6g} to "
           f"{new[i, j].item():.6g} although grad[{i}, {j}] is 0. A zero slope gives no direction: neither way is "
           "downhill, so leave the weight where it is.", cause="moved on a zero slope")


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
            if after < before:
                continue
            cause, why = _how_it_moved(moved, g) or ("moved other weights", "Move only this weight, by step, "
                                                                           "against the sign of the derivative.")
            expect(False, f"nudge_weight(w, grad, {i}, {j}, step={STEP}) moved w[{i}, {j}] by {moved:+.4g} where "
                          f"d(loss)/dw[{i}, {j}] = {g:.4g}; the loss went from {before:.6g} to {after:.6g}, "
                          f"expected lower. {why}", cause=cause)


# The written half: katas/q16_derivative_direction.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("The derivative of the loss w.r.t. `w[0, 1]` says how the loss changes when only `w[0, 1]` "
                     "changes slightly.", "what the derivative tells"),
        written.false("A derivative of 200 says how far to move the weight: the step should change it by 200.",
                      "what the derivative tells"),
        written.true("When its derivative is not zero, moving a weight slightly against the sign of its derivative "
                     "lowers the loss.", "which way to move a weight"),
        written.false("Moving a weight slightly in the direction of its derivative's sign (up if positive, down if "
                      "negative) lowers the loss.", "which way to move a weight"),
        written.true("If d(loss)/dw[0, 1] = 200, raising `w[0, 1]` by 0.01 raises the loss by about 2.",
                     "how much the loss changes"),
        written.false("If d(loss)/dw[0, 1] = 200, raising `w[0, 1]` by 0.01 raises the loss by about 200.",
                      "how much the loss changes"),
        written.true("Each weight element has its own derivative, so in one step some weights may go up while others "
                     "go down.", "whether all weights move the same way"),
        written.false("In one step every weight goes down, because the aim is to bring the loss down.",
                      "whether all weights move the same way"),
    ),
    blanks=(
        written.Blank("d(loss)/dw[1, 2] is -50. If only `w[1, 2]` grows by 0.02, the loss changes by about how much "
                      "(with its sign)?",
                      accept=("-1", "falls by 1", "decreases by 1", "goes down by 1", "drops by 1", "down by 1"),
                      reject=("1", "rises by 1", "-50", "50", "0.02", "-2500", "-100", "0"),
                      about="how much a small nudge changes the loss", form="one number"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor([1.0, 4.0], requires_grad=True)\nloss = ((w - 2) ** 2).sum()\n"
                        "loss.backward()\nprint(w.grad)", about="the derivatives of two weights of one loss",
                        nudge="Take each weight on its own: what is the slope of (w - 2)² at w = 1, and at w = 4?"),
    ),
    ideas=(
        "the derivative is the slope of the loss in that weight: how the loss changes when only that weight changes "
        "slightly",
        "its sign gives the direction: moving the weight slightly against the sign lowers the loss, by about "
        "derivative × step",
        "a worked example with numbers",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
