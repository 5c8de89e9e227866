"""q15 · The gradient is a matrix of slopes."""

import pytest
import torch

from katakit import data, oracle
from katakit.checks import expect, expect_leaves, expect_unchanged
from katakit.written import check_concepts, check_length

RUBRIC = {
    "that there is one derivative per weight element": r"(one|a|each|every) (partial )?(derivative|slope|gradient|number|entry|element|value)s? (per|for (each|every))|each (weight|element|entry)|every (weight|element|entry)",
    "that the gradient has the same shape as the weight matrix": r"same shape|shape as|same size|same dimensions|(2|two) ?(x|×|by) ?(3|three)",
    "what one element means: the slope (rate of change) of the loss in that one weight": r"slope|rate of change|how (much|fast|quickly) the loss (changes|rises|grows|goes)|sensitiv",
    "that the other weights stay fixed while that one changes slightly": r"(other|rest|remaining)[a-z ]{0,20}(fixed|constant|unchanged|the same|stay|held|kept)|only (that|this|one)|alone|partial",
}


def _crop_loss(b: torch.Tensor):
    """The crop MSE as a function of the weights alone (the bias fixed), in float64 whatever it is given."""
    x, y = data.inputs(), data.targets()
    return lambda v: oracle.mse64(oracle.predict64(x, v, b), y)


def _slope(kata, loss_fn, w, i, j, **kwargs) -> float:
    result = kata.slope_by_finite_difference(loss_fn, w, i, j, **kwargs)
    assert isinstance(result, float), (
        f"slope_by_finite_difference(loss_fn, w, {i}, {j}) returned {type(result).__name__}; expected a Python "
        "float. Turn the one-element tensor into a number with .item() (or float(...)).")
    return result


def test_the_slope_is_a_python_float(kata, seed):
    w, b = data.params(seed)
    _slope(kata, _crop_loss(b), w, 0, 0)


def test_a_central_difference_is_exact_on_a_bowl(kata, seed):
    w = data.params(seed)[0].detach()
    eps, i, j = 0.1, 1, 0
    got = _slope(kata, lambda v: (v ** 2).sum(), w, i, j, eps=eps)
    exact = 2 * w[i, j].item()  # the slope of sum(v²) in v[i, j]
    if abs(got - (exact + eps)) < 1e-4:
        expect(False, f"slope_by_finite_difference(sum of squares, w, {i}, {j}, eps={eps}) returned {got:.8g}; "
                      f"the slope is exactly 2·w[{i}, {j}] = {exact:.8g}. That is a one-sided difference "
                      "(loss(w + eps) - loss(w)) / eps, off by eps here. Nudge both ways and divide by 2·eps.")
    else:
        expect(abs(got - exact) < 1e-4,
               f"slope_by_finite_difference(sum of squares, w, {i}, {j}, eps={eps}) returned {got:.8g}; "
               f"expected exactly 2·w[{i}, {j}] = {exact:.8g}. Nudge only w[{i}, {j}], by the eps you are given, "
               "once up and once down, and divide the change in the loss by 2·eps.")


def test_the_slope_is_for_row_i_and_column_j(kata, seed):
    w, b = data.params(seed)
    gw, _ = oracle.grads64(data.inputs(), data.targets(), w, b)
    for i, j in ((0, 1), (1, 0)):
        got = _slope(kata, _crop_loss(b), w, i, j)
        swapped = abs(got - gw[j, i].item()) < 1e-3 * abs(gw[j, i].item())
        expect(not swapped,
               f"slope_by_finite_difference(loss_fn, w, {i}, {j}) returned {got:.6g}, the slope for w[{j}, {i}]. "
               f"Did you swap i and j? i is the row, j the column: nudge w[{i}, {j}].")


def test_the_slope_matches_the_autograd_gradient_on_the_crop_loss(kata, seed):
    w, b = data.params(seed)
    gw, _ = oracle.grads64(data.inputs(), data.targets(), w, b)
    slopes = {(i, j): _slope(kata, _crop_loss(b), w, i, j) for i in range(2) for j in range(3)}
    for (i, j), got in slopes.items():
        expected = gw[i, j].item()
        if abs(got - gw.sum().item()) < 1e-3 * abs(gw.sum().item()):
            nudge = ("That is the sum of all six slopes: you nudged every weight at once. "
                     f"Add eps to w[{i}, {j}] only (a tensor of zeros with eps at [{i}, {j}]).")
        elif abs(got - 2 * expected) < 1e-3 * abs(expected):
            nudge = "That is twice the slope: divide by 2·eps, the distance between w - eps and w + eps."
        else:
            nudge = "Check: (loss_fn(w with w[i, j] + eps) - loss_fn(w with w[i, j] - eps)) / (2 * eps)."
        expect(abs(got - expected) <= 1e-3 * abs(expected) + 1e-3,
               f"slope_by_finite_difference(crop loss, w, {i}, {j}) returned {got:.6g}; autograd says "
               f"d(loss)/dw[{i}, {j}] = {expected:.6g}. {nudge}")


def test_the_losses_are_computed_in_float64(kata, seed):
    w = data.params(seed)[0]
    seen = []

    def big_loss(v):
        seen.append(v.dtype)
        return 1e4 + (v ** 2).sum()  # the slope is a tiny change on top of a large loss

    got = _slope(kata, big_loss, w, 1, 2)
    exact = 2 * w[1, 2].item()
    expect(seen and all(d == torch.float64 for d in seen),
           f"slope_by_finite_difference(loss_fn, w, 1, 2) called loss_fn with "
           f"{' and '.join(sorted({str(d).replace('torch.', '') for d in seen})) or 'no'} weights and returned {got:.6g} instead of {exact:.6g}. float32 keeps about 7 digits: on a loss near "
           "10000 the difference between loss(w + eps) and loss(w - eps) is mostly rounding. "
           "Work on a float64 copy (w.detach().double()).")


def test_w_is_not_changed(kata, seed):
    w, b = data.params(seed)
    before = w.detach().clone()
    _slope(kata, _crop_loss(b), w, 1, 1)
    expect_unchanged(before, w, "w")
    expect_leaves([w], ["w"])


@pytest.mark.written
def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
