"""q15 · The gradient is a matrix of slopes."""

import torch

from katakit import data, oracle, written
from katakit.checks import expect, note, require

CHANGED = "changed its input in place"  # the loader's cause when an input changes: one mistake, one message
SWAPPED = "swapped i and j"


def _crop_loss(b: torch.Tensor):
    """The crop MSE as a function of the weights alone (the bias fixed), in float64 whatever it is given.
    It keeps the graph, so the lesson's way to a slope (backward(), then .grad) works on it too."""
    x, y, b = data.inputs().double(), data.targets().double(), b.detach().double()
    return lambda v: ((x @ v.double().t() + b - y) ** 2).mean()


def _bowl(v: torch.Tensor) -> torch.Tensor:
    return (v ** 2).sum()  # the slope in v[i, j] is exactly 2·v[i, j]


def _slope(kata, loss_fn, w, i, j, **kwargs) -> float:
    """One call; stops the check when w changed, when the result is not a float, or on a swapped index."""
    before = w.detach().clone()
    try:
        result = kata.slope_by_finite_difference(loss_fn, w, i, j, **kwargs)
    except IndexError as error:
        rows, cols = w.shape
        if j >= rows or i >= cols:  # w[i, j] exists but w[j, i] does not
            require(False, f"slope_by_finite_difference(loss_fn, w, {i}, {j}) raised IndexError ({error}). w has "
                           f"shape ({rows}, {cols}): w[{i}, {j}] exists, w[{j}, {i}] does not. Did you swap i and j? "
                           "i is the row, j the column.", cause=SWAPPED)
        raise
    require(torch.equal(w.detach(), before),
            f"slope_by_finite_difference(loss_fn, w, {i}, {j}) changed its input `w` in place (w[{i}, {j}] went "
            f"from {before[i, j].item():.6g} to {w[i, j].item():.6g}). Nudge a copy, so the caller's weights stay "
            "as they were.", cause=CHANGED)
    require(isinstance(result, float),
            f"slope_by_finite_difference(loss_fn, w, {i}, {j}) returned {type(result).__name__}; expected a Python "
            "float. Which method turns a one-element tensor into a number?", cause="not a float")
    return result


def _known_mistakes(loss_fn, w, i, j, eps) -> dict[str, tuple[float, str]]:
    """What the known wrong measurements give here, in float64: {cause: (value, what it is)}."""
    base = w.detach().double()

    def loss(at: tuple[int, int] | None = None, by: float = 0.0) -> float:
        v = base.clone()
        if at is None:
            v += by
        else:
            v[at] += by
        return float(loss_fn(v))

    up, down, here = loss((i, j), eps), loss((i, j), -eps), loss()
    found = {
        "forgot the 2": ((up - down) / eps, "That is twice the slope: divide by 2·eps, the distance between "
                                            "w - eps and w + eps."),
        "one-sided difference": ((up - here) / eps, "That is a one-sided difference (loss(w + eps) - loss(w)) / eps, "
                                                    "off by half the curvature times eps. Nudge both ways."),
        "nudged every weight": ((loss(None, eps) - loss(None, -eps)) / (2 * eps),
                                "That is the sum of all the slopes: you nudged every weight at once. "
                                f"Move w[{i}, {j}] only."),
        "ignored eps": (loss((i, j), 1.0) - here, f"That is how much the loss changes when w[{i}, {j}] grows by 1: "
                                                  "nudge it by the eps you are given."),
    }
    if j < base.shape[0] and i < base.shape[1] and i != j:
        found[SWAPPED] = ((loss((j, i), eps) - loss((j, i), -eps)) / (2 * eps),
                          f"That is the slope for w[{j}, {i}]. Did you swap i and j? i is the row, j the column.")
    return found


def _expect_slope(got, expected, loss_fn, w, i, j, eps, called, rtol=1e-4, atol=1e-6) -> None:
    """got is expected, or the failure names the known mistake whose value it is (else what was seen)."""
    if abs(got - expected) <= rtol * abs(expected) + atol:
        return
    cause, why = "slope differs", (f"Nudge only w[{i}, {j}], by the eps you are given, once up and once down, and "
                                   "compare the two losses over the distance between the two nudged weights.")
    for name, (value, what) in _known_mistakes(loss_fn, w, i, j, eps).items():
        if abs(got - value) <= 1e-6 * abs(value) + 1e-9:
            cause, why = name, what
            break
    expect(False, f"{called} returned {got:.8g}; the slope of the loss in w[{i}, {j}] is {expected:.8g}. {why}",
           cause=cause)


def test_the_slope_is_a_python_float(kata, seed):
    w, b = data.params(seed)
    _slope(kata, _crop_loss(b), w, 0, 0)


def test_a_central_difference_is_exact_on_a_bowl(kata, seed):
    w = data.params(seed)[0].detach()
    eps, i, j = 0.1, 1, 0
    got = _slope(kata, _bowl, w, i, j, eps=eps)
    _expect_slope(got, 2 * w[i, j].item(), _bowl, w, i, j, eps,
                  f"slope_by_finite_difference(sum of squares, w, {i}, {j}, eps={eps})")


def test_the_slope_is_for_row_i_and_column_j(kata, seed):
    w, b = data.params(seed)
    gw, _ = oracle.grads64(data.inputs(), data.targets(), w, b)
    for i, j in ((0, 1), (1, 0)):
        got = _slope(kata, _crop_loss(b), w, i, j)
        _expect_slope(got, gw[i, j].item(), _crop_loss(b), w, i, j, 1e-3,
                      f"slope_by_finite_difference(crop loss, w, {i}, {j})", rtol=1e-3, atol=1e-3)


def test_the_slope_matches_the_autograd_gradient_on_the_crop_loss(kata, seed):
    w, b = data.params(seed)
    gw, _ = oracle.grads64(data.inputs(), data.targets(), w, b)
    calls = []
    crop = _crop_loss(b)

    def counted(v):
        calls.append(v)
        return crop(v)

    for i in range(2):
        for j in range(3):
            got = _slope(kata, counted, w, i, j)
            _expect_slope(got, gw[i, j].item(), crop, w, i, j, 1e-3,
                          f"slope_by_finite_difference(crop loss, w, {i}, {j})", rtol=1e-3, atol=1e-3)
    note(len(calls) > 6, "You took the slope from autograd (backward(), then .grad), as the lesson does. Measure it "
                         "without autograd too: nudge w[i, j] by ±eps, compare the two losses, and see that it agrees "
                         "with w.grad[i, j]. That agreement is what an element of the gradient means.")


def test_the_slope_is_accurate_on_top_of_a_large_loss(kata, seed):
    w = data.params(seed)[0]
    seen = []

    def big_loss(v):
        seen.append(v.dtype)
        return 1e4 + (v ** 2).sum()  # the slope is a tiny change on top of a large loss

    got = _slope(kata, big_loss, w, 1, 2)
    exact = 2 * w[1, 2].item()
    if torch.float32 in seen and abs(got - exact) > 1e-4 * abs(exact) + 1e-6:
        expect(False, f"slope_by_finite_difference(loss_fn, w, 1, 2) called loss_fn with float32 weights and returned "
                      f"{got:.6g} instead of {exact:.6g}. float32 keeps about 7 digits: on a loss near 10000 the "
                      "difference between loss(w + eps) and loss(w - eps) is mostly rounding. Work on a float64 copy.",
               cause="float32 rounding")
    else:
        _expect_slope(got, exact, lambda v: 1e4 + (v ** 2).sum(), w, 1, 2, 1e-3,
                      "slope_by_finite_difference(loss_fn, w, 1, 2) on a loss near 10000")


def test_w_is_not_changed(kata, seed):
    w, b = data.params(seed)
    _slope(kata, _crop_loss(b), w, 1, 1)
    expect(w.is_leaf and w.requires_grad,
           "after slope_by_finite_difference(loss_fn, w, 1, 1), w is no longer a leaf tensor that requires grad. "
           "Leave the caller's w as it was given.", cause="w not a leaf")


# The written half: katas/q15_gradient_matrix.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("The loss depends on each weight in its own way, so there is one derivative for each weight.",
                     "how many derivatives there are"),
        written.false("Because the loss is a single number, its derivative with respect to `w` is a single number too.",
                      "how many derivatives there are"),
        written.true("`w.grad` has the same shape as `w`: (2, 3) for the crop model.", "the shape of a gradient"),
        written.false("`w.grad` has the shape of `w.t()`, (3, 2), because the model multiplies the inputs by `w.t()`.",
                      "the shape of a gradient"),
        written.false("`b.grad` has the same shape as `w.grad`, (2, 3), because both come from the same loss.",
                      "the shape of a gradient"),
        written.true("`w.grad[i, j]` is the slope of the loss in `w[i, j]`: how fast the loss changes when only that "
                     "weight changes slightly.", "what one element of the gradient means"),
        written.false("`w.grad[i, j]` is how fast the loss changes when all the weights change together.",
                      "what one element of the gradient means"),
        written.true("A positive `w.grad[0, 1]` means the loss rises when `w[0, 1]` grows slightly and the other weights "
                     "stay as they are.", "what the sign of one element says"),
    ),
    blanks=(
        written.Blank("A model has 4 inputs and 3 targets. How many numbers does `w.grad` hold?", accept=("12",),
                      reject=("7", "3", "4", "1", "15"), about="how many derivatives a weight matrix has",
                      form="one number"),
    ),
    snippets=(
        written.Snippet("x = torch.ones(5, 3)\nw = torch.ones(2, 3, requires_grad=True)\nloss = (x @ w.t()).mean()\n"
                        "loss.backward()\nprint(tuple(w.grad.shape))", about="the shape of the gradient of w",
                        nudge="Whose shape does w.grad follow: w's, w.t()'s, or the loss's?"),
        written.Snippet("w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)\nloss = (w * w).sum()\n"
                        "loss.backward()\nprint(w.grad[1, 0].item())", about="one element of a gradient matrix",
                        nudge="Which weight is w[1, 0] (row 1, column 0), and what is the slope of the loss in that "
                              "one weight?"),
    ),
    ideas=(
        "the loss depends on every weight, so there is one derivative per weight element",
        "arranged like the weights, the derivatives form a matrix of the same shape as w (2×3)",
        "element [i, j] is the slope of the loss in w[i, j]: how the loss changes when only that weight changes "
        "slightly",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
