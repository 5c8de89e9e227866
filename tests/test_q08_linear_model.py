"""q08 · The model as matrix operations."""

import torch

from katakit import data, describe, oracle, written
from katakit.checks import expect, expect_close, expect_tensor, expect_unchanged, require

NOT_TRANSPOSED = "w not transposed"
NO_BIAS = "forgot the bias"
BIAS_PER_ROW = "bias per row"


def _called(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> str:
    return f"model(x of shape {describe.shape(x)}, w of shape {describe.shape(w)}, b of shape {describe.shape(b)})"


def _dims(t: torch.Tensor) -> str:
    return "x".join(str(n) for n in t.shape)


def _call(kata, x: torch.Tensor, w: torch.Tensor, b: torch.Tensor):
    """Call model; a crash whose situation shows a known mistake is named with that mistake's cause."""
    __tracebackhide__ = True
    try:
        return kata.model(x, w, b)
    except RuntimeError as err:
        text = str(err)
        if "shapes cannot be multiplied" in text and f"({_dims(x)} and {_dims(w)})" in text:
            require(False, f"{_called(x, w, b)} raised RuntimeError: {text}. x {describe.shape(x)} met w "
                           f"{describe.shape(w)} in the matrix product as it is, not transposed: the inner sizes "
                           f"({x.shape[1]} and {w.shape[0]}) must match. Row j of w holds the weights of target j; "
                           "what shape must the second factor have to give one column per target?",
                    cause=NOT_TRANSPOSED)
        if "must match the size" in text and _bias_per_row(kata, x, w, b):
            require(False, f"{_called(x, w, b)} raised RuntimeError: {text}. {_PER_ROW}", cause=BIAS_PER_ROW)
        if "must match the size" in text:
            require(False, f"{_called(x, w, b)} raised RuntimeError: {text}. Two tensors met in an elementwise "
                           "operation (+, -, *) with shapes that do not line up. Which of your operations are "
                           "elementwise, and which shapes meet there? b of shape (m,) lines up with the columns "
                           "of an (N, m) table just as it is.", cause="elementwise shapes")
        raise  # other errors are explained by the runner, from the situation


_PER_ROW = ("The bias went in per row: b[i] was added to every prediction of sample i (a run with as many samples "
            "as targets shows it). b[j] belongs to target j, a column; b of shape (m,) lines up with the columns "
            "just as it is.")


def _bias_per_row(kata, x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> bool:
    """Probe: with as many samples as targets a per-row bias runs; does the model then add b[i] to row i?"""
    m = len(w)
    if m < 2:
        return False
    xs = x.repeat(m, 1)[:m].clone()  # m samples, however many x holds
    try:
        got = kata.model(xs, w.detach(), b.detach())
    except Exception:  # noqa: BLE001 - the probe only confirms a diagnosis; any failure means "not confirmed"
        return False
    per_row = xs.double() @ w.detach().double().t() + b.detach().double().unsqueeze(1)
    return isinstance(got, torch.Tensor) and got.shape == per_row.shape and torch.allclose(
        got.detach().double(), per_row, rtol=1e-4, atol=1e-3)


def _predict(kata, x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    __tracebackhide__ = True
    return expect_tensor(_call(kata, x, w, b), shape=(len(x), len(w)), called=_called(x, w, b),
                         nudge="One row per sample, one column per target: (N, k) inputs and (m, k) weights "
                               "give (N, m).")


def _name_the_mistake(preds: torch.Tensor, x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> tuple[str, str] | None:
    """(cause, explanation) when the predictions follow a usual wrong formula, compared in float64."""
    got, x64, w64, b64 = (t.detach().double() for t in (preds, x, w, b))

    def follows(wrong: torch.Tensor) -> bool:
        return wrong.shape == got.shape and torch.allclose(got, wrong, rtol=1e-4, atol=1e-3)

    if follows(x64 @ w64.t()):
        return NO_BIAS, "They equal the matrix product alone, with no bias in them. Did you forget to add the bias b?"
    if len(x) == len(w) and follows(x64 @ w64.t() + b64.unsqueeze(1)):
        return BIAS_PER_ROW, _PER_ROW
    if w.shape[0] == w.shape[1] and follows(x64 @ w64 + b64):
        return NOT_TRANSPOSED, ("w went into the product as it is, not transposed, which only runs because w is "
                                "square here. Row j of w holds the weights of target j: does column j of your "
                                "predictions use row j of w?")
    return None


def _check_values(kata, x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> None:
    preds = _predict(kata, x, w, b)
    expected = oracle.predict64(x, w, b)
    mistake = None if torch.allclose(preds.detach().double(), expected, rtol=1e-4, atol=1e-4) else (
        _name_the_mistake(preds, x, w, b))
    if mistake:
        cause, why = mistake
        expect(False, f"{_called(x, w, b)} returned predictions that differ from the expected ones. {why}",
               cause=cause)
    else:
        expect_close(preds, expected, what="the predictions table", called=_called(x, w, b),
                     nudge="Work out one entry by hand: which row of x and which row of w meet in prediction "
                           "[n, j], and which entry of b is added to it?")


def test_model_predicts_the_crop_yields_of_every_sample(kata, seed):
    w, b = data.params(seed)
    _check_values(kata, data.inputs(), w.detach(), b.detach())


def test_model_adds_the_bias(kata, seed):
    w, _ = data.params(seed)
    _check_values(kata, data.inputs(), w.detach(), torch.tensor([100.0, -50.0]))


def test_the_bias_goes_to_each_target_column_not_each_sample_row(kata, seed):
    x = data.random_batch(seed, rows=2, cols=3)
    w, b = data.params(seed + 1, n_inputs=3, n_outputs=2)
    _check_values(kata, x, w.detach(), b.detach() * 10)


def test_model_gives_each_target_its_own_row_of_w_even_when_w_is_square(kata, seed):
    w, b = data.params(seed, n_inputs=3, n_outputs=3)
    _check_values(kata, data.inputs(), w.detach(), b.detach())


def test_the_predictions_stay_connected_to_w_and_b(kata, seed):
    x = data.inputs()
    w, b = data.params(seed)
    preds = _predict(kata, x, w, b)
    require(preds.requires_grad,
            f"{_called(x, w, b)} returned predictions with requires_grad=False although w and b require grad. "
            "Did .detach(), .item(), numpy or torch.no_grad() cut the graph? Training needs backward() to reach "
            "w and b through the predictions.", cause="graph cut")
    preds.sum().backward()
    # d(sum of preds)/dw[j, i] = sum of column i of x; d(sum of preds)/db[j] = N
    expect_close(w.grad, x.double().sum(0).expand(2, 3), what="w.grad after preds.sum().backward()",
                 called=_called(x, w, b), nudge="Does every weight reach the predictions through the matrix product?")
    if b.grad is None:
        expect(False, f"after {_called(x, w, b)} and preds.sum().backward(), b.grad is None: b never reached the "
                      "predictions. Did you forget to add the bias b?", cause=NO_BIAS)
    else:
        expect(torch.equal(b.grad, torch.full((2,), 5.0)),
               f"after {_called(x, w, b)} and preds.sum().backward(), b.grad is {b.grad.tolist()}; expected "
               "[5.0, 5.0], since b[j] is added once to each of the 5 predictions of target j.")


def test_model_does_not_change_its_inputs(kata, seed):
    x, (w, b) = data.inputs(), data.params(seed)
    before = [t.detach().clone() for t in (x, w, b)]
    _call(kata, x, w, b)
    for name, old, new in zip(("x", "w", "b"), before, (x, w, b), strict=True):
        expect_unchanged(old, new, name, called=_called(x, w, b))


def test_model_matches_the_float64_oracle_for_other_shapes(kata, seed):
    gen = torch.Generator().manual_seed(seed)
    n, k, m = (int(v) for v in torch.randint(1, 7, (3,), generator=gen))
    w, b = data.params(seed + 1, n_inputs=k, n_outputs=m)
    _check_values(kata, data.random_batch(seed + 2, rows=n, cols=k), w.detach(), b.detach())


# The written half: katas/q08_linear_model.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("One matrix product computes the predictions of every sample for every target at once, with no "
                     "loop over the rows.", "what the matrix product computes"),
        written.false("The matrix product computes the predictions of one sample at a time; a loop over the rows is "
                      "needed for the whole batch.", "what the matrix product computes"),
        written.true("Entry [i, j] of the predictions is the weighted sum of sample i's inputs with target j's weights, "
                     "plus target j's bias.", "what one entry of the predictions is"),
        written.true("The weights are transposed because `w` holds one row per target, and the product needs the "
                     "weights of target j in its column j.", "why w is transposed"),
        written.false("When `w` happens to be square, the product without the transpose gives the same predictions, "
                      "so the transpose can be left out.", "why w is transposed"),
        written.true("The bias vector, one entry per target, is added to every row of the product: broadcasting repeats "
                     "it for each sample.", "how the bias is added"),
        written.false("The bias vector has to be repeated by hand into a matrix with one row per sample before it can "
                      "be added.", "how the bias is added"),
        written.false("Multiplying elementwise with `*` instead of `@` computes the same weighted sums.", "@ versus *"),
    ),
    blanks=(
        written.Blank("The inputs `x` have shape (10, 4) and the weights `w` have shape (3, 4). How many numbers does "
                      "the table of predictions hold?", accept=("30",), reject=("12", "40", "120", "10", "3", "7"),
                      about="the shape of the predictions", form="one number"),
    ),
    snippets=(
        written.Snippet("x = torch.zeros(4, 3)\nw = torch.zeros(2, 3)\nprint(tuple(w.t().shape), tuple((x @ w.t()).shape))",
                        about="the shapes in the matrix product",
                        nudge="What shape is w.t(), and what does (N, k) @ (k, m) give?"),
        written.Snippet("p = torch.zeros(3, 2)\nb = torch.tensor([10., 20.])\nprint((p + b).tolist())",
                        about="adding a bias vector to a table",
                        nudge="b has one entry per column: which entry does each column get, in every row?"),
        written.Snippet("x = torch.tensor([[1., 0.]])\nw = torch.tensor([[1., 2.], [3., 4.]])\n"
                        "print((x @ w).tolist(), (x @ w.t()).tolist())",
                        about="a square w with and without the transpose",
                        nudge="x picks the first row of the second factor: is that row 0 of w, or column 0 of w?"),
    ),
    ideas=(
        "the inputs, weights and biases as a matrix x (N, k), a matrix w (m, k) and a vector b (m,)",
        "preds = x @ w.t() + b: one matrix product computes every weighted sum; b broadcasts over the rows",
        "an example with shapes, such as (5, 3) @ (3, 2) + (2,) -> (5, 2) predictions",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
