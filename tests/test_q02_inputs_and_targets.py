"""q02 · Input and target variables."""

import torch

from katakit import data, describe
from katakit.checks import expect, expect_unchanged


def _split(kata, table: torch.Tensor, n_inputs: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Call split_columns and check the shapes, naming the mistake when they are wrong."""
    __tracebackhide__ = True
    called = f"split_columns(table of shape {describe.shape(table)}, n_inputs={n_inputs})"
    result = kata.split_columns(table, n_inputs)
    assert isinstance(result, (tuple, list)) and len(result) == 2, (
        f"{called} returned {describe.value(result)}; expected a pair (inputs, targets). "
        "End with `return inputs, targets`.")
    inputs, targets = result
    assert isinstance(inputs, torch.Tensor) and isinstance(targets, torch.Tensor), (
        f"{called} returned ({describe.value(inputs)}, {describe.value(targets)}); expected two tensors. "
        "Slicing a tensor gives a tensor: table[rows, columns].")
    rows, cols = table.shape
    want = ((rows, n_inputs), (rows, cols - n_inputs))
    got = (tuple(inputs.shape), tuple(targets.shape))
    assert got == want, (
        f"{called} returned inputs of shape {describe.shape(inputs)} and targets of shape "
        f"{describe.shape(targets)}; expected {describe.shape(torch.empty(want[0]))} and "
        f"{describe.shape(torch.empty(want[1]))}. {_name_the_mistake(table, n_inputs, inputs, targets)}")
    return inputs, targets


def _name_the_mistake(table: torch.Tensor, n_inputs: int, inputs: torch.Tensor, targets: torch.Tensor) -> str:
    got_in, got_t, rows = tuple(inputs.shape), tuple(targets.shape), len(table)
    if torch.equal(inputs, table[:, n_inputs:]) and torch.equal(targets, table[:, :n_inputs]):
        return "You returned the targets first: return (inputs, targets), in that order."
    if len(got_in) == 2 and got_in[0] != rows:
        return ("You took rows instead of columns: a row is one sample and every sample must keep all of it. "
                "Columns are the variables, so slice the second index: table[:, ...].")
    if len(got_t) == 1:
        return ("The targets lost their column: keep them 2-D, shape (N, 1) for one target, or a loss on "
                "predictions of shape (N, 1) silently broadcasts to an N×N table. Slice with a range "
                "(table[:, 3:]), not an index (table[:, 3]), and do not squeeze.")
    if len(got_in) == 2 and abs(got_in[1] - n_inputs) == 1:
        return ("The split is off by one: Python counts columns from 0, and a slice a:b stops before b "
                "(it holds b - a columns).")
    return f"The first {n_inputs} columns are the inputs; all the remaining columns are the targets."


def _values_match(table: torch.Tensor, n_inputs: int, inputs: torch.Tensor, targets: torch.Tensor) -> None:
    """Cross-check against the columns picked out one by one, in plain Python."""
    rows = table.tolist()
    called = f"split_columns(table of shape {describe.shape(table)}, n_inputs={n_inputs})"
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
