"""q01 · What a linear regression model is."""

import torch

from katakit import describe, written
from katakit.checks import expect, require

CALLED = "example_problem()"

NOT_A_TABLE = "not (N, columns) tables"
NOT_FLOAT32 = "not float32"
ROWS_DIFFER = "rows differ"

_DTYPE_NUDGE = {
    torch.float64: "Numpy arrays are float64 by default and torch.from_numpy keeps that; float32 weights "
                   "would then fail with 'Double and Float'. Convert with .float() or dtype=torch.float32.",
    torch.float16: "Half precision is too coarse here. Pass dtype=torch.float32.",
}
_INT_NUDGE = ("A list of whole numbers such as [[50, 2]] becomes an integer tensor, and an integer tensor in a "
              "float model fails with 'Long and Float'. Write the numbers as floats (50.) or pass "
              "dtype=torch.float32.")


def _dtype_nudge(table: torch.Tensor) -> str:
    if table.dtype in _DTYPE_NUDGE:
        return _DTYPE_NUDGE[table.dtype]
    return _INT_NUDGE if not table.is_floating_point() else "Pass dtype=torch.float32."


def _problem(kata) -> tuple[torch.Tensor, torch.Tensor]:
    """Hard precondition: example_problem() returns a pair of tensors."""
    __tracebackhide__ = True
    result = kata.example_problem()
    require(isinstance(result, (tuple, list)) and len(result) == 2,
            f"{CALLED} returned {describe.value(result)}; expected a pair (inputs, targets). "
            "End the function with `return inputs, targets`.", cause="not a pair")
    for name, table in zip(("inputs", "targets"), result, strict=True):
        require(isinstance(table, torch.Tensor),
                f"{CALLED} returned {name} as {describe.value(table)} ({type(table).__name__}); expected a "
                "torch.Tensor. Which torch function turns a list of rows into a tensor?", cause="not tensors")
    return result[0], result[1]


def _tables(kata) -> tuple[torch.Tensor, torch.Tensor]:
    """Hard precondition for the fit: two 2-D tables of finite numbers with the same number of rows."""
    __tracebackhide__ = True
    inputs, targets = _problem(kata)
    require(inputs.dim() == 2 and targets.dim() == 2,
            f"{CALLED} returned inputs of shape {describe.shape(inputs)} and targets of shape "
            f"{describe.shape(targets)}; expected (N, k) and (N, m). Fix the shapes first: the check on float32 "
            "tables says how.", cause=NOT_A_TABLE)
    require(len(inputs) == len(targets),
            f"{CALLED} returned {len(inputs)} rows of inputs and {len(targets)} rows of targets; expected the same "
            "number of rows N in both. Fix the rows first: the check on one row per sample says how.",
            cause=ROWS_DIFFER)
    require(bool(torch.isfinite(inputs.double()).all() and torch.isfinite(targets.double()).all()),
            f"{CALLED} returned tables holding inf or nan; a model can only learn from real numbers.",
            cause="not finite")
    return inputs, targets


def test_example_problem_returns_inputs_and_targets_as_float32_tables(kata):
    inputs, targets = _problem(kata)
    for name, table, example in (("inputs", inputs, "[[50.], [80.], ...] for one input"),
                                 ("targets", targets, "[[165.], [250.], ...] for one target")):
        expect(table.dim() == 2,
               f"{CALLED} returned {name} of shape {describe.shape(table)}; expected a table of shape (N, columns): "
               f"one row per sample and one column per variable, {example}. "
               + ("A 1-D tensor of shape (N,) has lost its column: use .unsqueeze(1) or write each row as a list."
                  if table.dim() == 1 else "Write one list per row, one number per variable."), cause=NOT_A_TABLE)
        expect(table.dtype == torch.float32,
               f"{CALLED} returned {name} with dtype {describe.dtype(table)}; expected float32, the dtype of "
               f"the model's weights. {_dtype_nudge(table)}", cause=NOT_FLOAT32)


def test_inputs_and_targets_have_one_row_per_sample(kata):
    inputs, targets = _problem(kata)
    expect(inputs.dim() >= 1 and targets.dim() >= 1 and len(inputs) == len(targets),
           f"{CALLED} returned inputs of shape {describe.shape(inputs)} and targets of shape "
           f"{describe.shape(targets)}; expected the same number of rows N in both. Row i of the inputs "
           "and row i of the targets describe the same sample. Did you build the tables column by column "
           "(then they are transposed) or forget a sample?", cause=ROWS_DIFFER)


def test_there_are_enough_samples_to_show_a_pattern(kata):
    inputs, targets = _problem(kata)
    n = len(inputs) if inputs.dim() else 0
    k = inputs.shape[1] if inputs.dim() == 2 else 1
    expect(n >= 8 and n > k + 1,
           f"{CALLED} returned {n} samples for {k} input variable(s); expected at least 8 and more than k + 1 = "
           f"{k + 1}. With k inputs and a bias there are k + 1 numbers to learn per target, and k + 1 samples "
           "can always be fitted perfectly, whatever their numbers: too few samples to show a pattern. Add more rows.")


def test_every_input_and_target_column_varies(kata):
    inputs, targets = _tables(kata)
    for name, table in (("inputs", inputs), ("targets", targets)):
        still = [j for j in range(table.shape[1]) if bool((table[:, j] == table[0, j]).all())]
        expect(not still,
               f"{CALLED} returned {name} whose column(s) {still} hold the same value in every row. "
               + ("An input that never changes tells the model nothing (the bias already covers a constant). "
                  if name == "inputs" else
                  "A target that never changes needs no model: there is nothing to predict. ")
               + "Make the samples differ, as real measurements do.")


def test_a_linear_fit_with_a_bias_explains_every_target(kata):
    inputs, targets = _tables(kata)
    x = torch.cat([inputs.double(), torch.ones(len(inputs), 1, dtype=torch.float64)], dim=1)
    y = targets.double()
    solution = torch.linalg.lstsq(x, y).solution  # the best weights and bias in the least-squares sense
    explained = 1 - ((y - x @ solution) ** 2).sum(0) / ((y - y.mean(0)) ** 2).sum(0)
    for j, r2 in enumerate(explained.tolist()):
        expect(r2 >= 0.9,
               f"{CALLED}: the best weighted sum of the inputs plus a bias (a least-squares fit) explains only "
               f"{max(r2, 0):.0%} of the variation of target column {j} (R² = {r2:.2f}); expected at least 90%. "
               "The targets are not a linear function of the inputs: compute each target by multiplying every "
               "input by a fixed weight, adding the products up and adding a bias (a little noise is fine). "
               "Squares, products of two inputs or random numbers are not linear.")


# The written half: katas/q01_linear_regression_model.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("A linear regression model predicts each target variable as a weighted sum of the input variables "
                     "plus a bias.", "what the model computes"),
        written.false("Because the model is linear, doubling every input always doubles every prediction.",
                      "what the model computes"),
        written.true("The lesson formulates predicting the yield of apples in a region from its average temperature, "
                     "rainfall and humidity as a linear regression problem.", "an example problem"),
        written.false('A linear regression model predicts a class, such as "good harvest" or "bad harvest", rather '
                      "than a number.", "what kind of answer the model gives"),
        written.false('"Linear" means the model has only one input variable: with three inputs it is no longer linear '
                      "regression.", 'what "linear" means'),
        written.true("In a linear regression model, raising one input by one unit while the others stay fixed changes "
                     "the prediction by that input's weight.", 'what "linear" means'),
        written.true("In the lesson, the weights and the bias are learned from the training data: they start as random "
                     "numbers and gradient descent adjusts them.", "where the weights come from"),
        written.false("Once trained on the crop data, a linear regression model predicts every training target exactly.",
                      "how closely a trained model fits"),
    ),
    blanks=(
        written.Blank("In yield_apple = w11 · temperature + w12 · rainfall + w13 · humidity + b1, how many numbers does "
                      "the model learn for apples?", accept=("4",), reject=("3", "6", "8", "1", "5"),
                      about="how many parameters one target has", form="one number"),
    ),
    ideas=(
        "each target is predicted as a weighted sum of the input variables plus a bias",
        "the weights and the bias are learned from training data, not chosen by hand",
        "an example problem: its input variables and the number (the target) it predicts",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
