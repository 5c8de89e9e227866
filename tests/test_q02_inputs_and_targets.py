"""q02 · Input and target variables."""

import torch

from katakit import data, describe, written
from katakit.checks import expect, expect_unchanged, require


def _split(kata, table: torch.Tensor, n_inputs: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Call split_columns and check the shapes, naming the mistake when they are wrong."""
    __tracebackhide__ = True
    called = f"split_columns(table of shape {describe.shape(table)}, n_inputs={n_inputs})"
    result = kata.split_columns(table, n_inputs)
    require(isinstance(result, (tuple, list)) and len(result) == 2,
            f"{called} returned {describe.value(result)}; expected a pair (inputs, targets). "
            "End with `return inputs, targets`.", cause="split_columns: not a pair")
    inputs, targets = result
    require(isinstance(inputs, torch.Tensor) and isinstance(targets, torch.Tensor),
            f"{called} returned ({describe.value(inputs)}, {describe.value(targets)}); expected two tensors. "
            "Slicing a tensor gives a tensor: table[rows, columns].", cause="split_columns: not tensors")
    rows, cols = table.shape
    want = ((rows, n_inputs), (rows, cols - n_inputs))
    got = (tuple(inputs.shape), tuple(targets.shape))
    if got != want:
        cause, why = _name_the_mistake(table, n_inputs, inputs, targets)
        require(False, f"{called} returned inputs of shape {describe.shape(inputs)} and targets of shape "
                       f"{describe.shape(targets)}; expected {describe.shape(torch.empty(want[0]))} and "
                       f"{describe.shape(torch.empty(want[1]))}. {why}", cause=cause)
    return inputs, targets


def _name_the_mistake(table: torch.Tensor, n_inputs: int, inputs: torch.Tensor,
                      targets: torch.Tensor) -> tuple[str, str]:
    """(cause, explanation) for shapes that are wrong, from what came back."""
    got_in, got_t, rows = tuple(inputs.shape), tuple(targets.shape), len(table)
    if _swapped(table, n_inputs, inputs, targets):
        return "targets first", "You returned the targets first: return (inputs, targets), in that order."
    if len(got_in) == 2 and got_in[0] != rows:
        return "rows instead of columns", (
            "You took rows instead of columns: a row is one sample and every sample must keep all of it. "
            "Columns are the variables: which index of table[..., ...] picks them?")
    for name, got, n in (("targets", got_t, table.shape[1] - n_inputs), ("inputs", got_in, n_inputs)):
        if len(got) == 1 and n == 1:
            return "lost a column", (
                f"The {name} lost their column: keep them 2-D, shape (N, 1) for one variable, or a loss on "
                "predictions of shape (N, 1) silently broadcasts to an N×N table. An index such as "
                f"table[:, {n_inputs if name == 'targets' else 0}] drops the dimension it picks, and .squeeze() "
                "drops every dimension of size 1; does a slice that holds one column?")
    if len(got_in) == 2 and abs(got_in[1] - n_inputs) == 1:
        return "off by one", ("The split is off by one: Python counts columns from 0, and a slice a:b stops "
                              "before b (it holds b - a columns).")
    return "split_columns: shape", (f"The first {n_inputs} columns are the inputs; all the remaining columns "
                                    "are the targets.")


def _swapped(table: torch.Tensor, n_inputs: int, inputs: torch.Tensor, targets: torch.Tensor) -> bool:
    return (inputs.shape == table[:, n_inputs:].shape and targets.shape == table[:, :n_inputs].shape
            and torch.equal(inputs, table[:, n_inputs:]) and torch.equal(targets, table[:, :n_inputs]))


def _values_match(table: torch.Tensor, n_inputs: int, inputs: torch.Tensor, targets: torch.Tensor) -> None:
    """Cross-check against the columns picked out one by one, in plain Python."""
    rows = table.tolist()
    called = f"split_columns(table of shape {describe.shape(table)}, n_inputs={n_inputs})"
    if _swapped(table, n_inputs, inputs, targets):  # same shapes when there are as many inputs as targets
        expect(False, f"{called} returned the last {n_inputs} columns as the inputs and the first {n_inputs} as the "
                      "targets. You returned the targets first: return (inputs, targets), in that order.",
               cause="targets first")
        return
    expect(inputs.tolist() == [row[:n_inputs] for row in rows],
           f"{called} returned inputs that are not the first {n_inputs} columns of the table. "
           "Take the columns as they are, in their order, without changing the numbers.")
    expect(targets.tolist() == [row[n_inputs:] for row in rows],
           f"{called} returned targets that are not the last columns of the table (from column {n_inputs} on). "
           "Take the columns as they are, in their order, without changing the numbers.")
    expect(inputs.dtype == torch.float32 and targets.dtype == torch.float32,
           f"{called} returned dtypes {describe.dtype(inputs)} and {describe.dtype(targets)}; expected "
           "float32, like the table. Slicing keeps the dtype: there is no need to convert.")


def test_the_crop_table_splits_into_three_input_and_two_target_columns(kata):
    table = torch.cat([data.inputs(), data.targets()], dim=1)
    inputs, targets = _split(kata, table, 3)
    expect(torch.equal(inputs, data.inputs()),
           "split_columns(crop table, 3) returned inputs that differ from the crop inputs "
           "(temperature, rainfall, humidity). They are the first 3 columns.")
    expect(torch.equal(targets, data.targets()),
           "split_columns(crop table, 3) returned targets that differ from the crop targets "
           "(apples, oranges). They are the last 2 columns.")


def test_a_single_target_keeps_its_column(kata, seed):
    table = data.random_batch(seed, rows=7, cols=4)
    inputs, targets = _split(kata, table, 3)
    _values_match(table, 3, inputs, targets)


def test_a_single_input_keeps_its_column(kata, seed):
    table = data.random_batch(seed, rows=6, cols=3)
    inputs, targets = _split(kata, table, 1)
    _values_match(table, 1, inputs, targets)


def test_split_columns_does_not_change_the_table(kata, seed):
    table = data.random_batch(seed, rows=5, cols=5)
    before = table.clone()
    kata.split_columns(table, 3)
    expect_unchanged(before, table, "table")


def test_split_columns_matches_the_columns_picked_one_by_one(kata, seed):
    gen = torch.Generator().manual_seed(seed)
    rows, n_inputs, n_targets = (int(n) for n in torch.randint(2, 9, (3,), generator=gen))
    table = data.random_batch(seed + 1, rows=rows, cols=n_inputs + n_targets)
    inputs, targets = _split(kata, table, n_inputs)
    _values_match(table, n_inputs, inputs, targets)


# The written half: katas/q02_inputs_and_targets.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("Input variables are the ones we know for each sample and feed to the model; target variables are "
                     "the ones we want it to predict.", "what inputs and targets are"),
        written.false("The targets are the model's outputs: the numbers the model computes for each sample.",
                      "targets and predictions"),
        written.true("In the training data the targets are known measurements, so the model's predictions can be "
                     "compared with them.", "targets and predictions"),
        written.true("In the crop data, temperature, rainfall and humidity are input variables, and the yields of apples "
                     "and oranges are target variables.", "the crop data's variables"),
        written.false("A dataset can have only one target variable, so the yields of apples and oranges need two "
                      "separate datasets.", "how many targets a dataset can have"),
        written.true("Each row of the crop table is one sample (a region), and each column is one variable.",
                     "what rows and columns hold"),
        written.true("Which columns are targets depends on the question we ask: the same table could be used to predict "
                     "rainfall from the other columns.", "what makes a column a target"),
        written.false("The target is always the last column of a table: that is how a dataset marks its target.",
                      "what makes a column a target"),
    ),
    blanks=(
        written.Blank("A table has one row per house and the columns area, rooms, distance to town and sale price; the "
                      "model predicts the sale price. How many input variables are there?", accept=("3",),
                      reject=("4", "1", "2"), about="how many input variables a table has", form="one number"),
    ),
    snippets=(
        written.Snippet("table = torch.tensor([[73., 67., 43., 56., 70.],\n"
                        "                      [91., 88., 64., 81., 101.],\n"
                        "                      [87., 134., 58., 119., 133.],\n"
                        "                      [102., 43., 37., 22., 37.]])\n"
                        "inputs, targets = table[:, :3], table[:, 3:]\n"
                        "print(tuple(inputs.shape), tuple(targets.shape))",
                        about="splitting a table into input and target columns",
                        nudge="Which index of table[rows, columns] do the slices choose, and how many columns does "
                              "each slice keep?"),
        written.Snippet("table = torch.zeros(5, 4)  # 3 input columns, then 1 target column\n"
                        "targets_a = table[:, 3]\n"
                        "targets_b = table[:, 3:]\n"
                        "print(tuple(targets_a.shape), tuple(targets_b.shape))",
                        about="taking a single target column",
                        nudge="Does an index keep the column dimension? Does a range that holds one column?"),
    ),
    ideas=(
        "input variables: what we know for each sample and feed to the model",
        "target variables: what we want the model to predict (known in the training data)",
        "an example naming its inputs and targets, such as temperature, rainfall, humidity -> apples, oranges",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
