"""q04 · Tabular data as tensors."""

import numpy as np
import torch

from katakit import describe
from katakit.checks import expect, expect_close

CROP = [[73, 67, 43], [91, 88, 64], [87, 134, 58], [102, 43, 37], [69, 96, 70]]

_DTYPE_NUDGE = {
    torch.float64: ("Float64 from numpy: numpy arrays are float64 by default, and torch.from_numpy (or "
                    "torch.tensor without a dtype) keeps that, so `x @ w.t()` with float32 weights fails with "
                    "'Double and Float'. Ask for dtype=torch.float32."),
    torch.int64: ("A list of whole numbers becomes an int64 (Long) tensor, and an integer tensor in a float "
                  "model fails with 'Long and Float' as soon as it meets the weights. Ask for dtype=torch.float32."),
}


def _table(kata, rows, called: str) -> torch.Tensor:
    """Call to_tensor and check the shape, naming a transposed table."""
    __tracebackhide__ = True
    n, k = np.shape(rows)
    result = kata.to_tensor(rows)
    assert isinstance(result, torch.Tensor), (
        f"{called} returned {describe.value(result)} ({type(result).__name__}); expected a torch.Tensor. "
        "torch.tensor(...) turns a list or an array into one.")
    assert tuple(result.shape) == (n, k), (
        f"{called} returned shape {describe.shape(result)}; expected ({n}, {k}): one row per sample, one "
        "column per variable. "
        + ("The table came back transposed: keep the rows as they are, no .t()." if tuple(result.shape) == (k, n)
           else "Keep the table 2-D, even when it has a single row."))
    return result


def _expect_float32(table: torch.Tensor, called: str) -> None:
    expect(table.dtype == torch.float32,
           f"{called} returned dtype {describe.dtype(table)}; expected float32, the dtype of the model's "
           f"weights. {_DTYPE_NUDGE.get(table.dtype, 'Ask for dtype=torch.float32.')}")


def test_a_list_of_float_rows_becomes_a_float32_table(kata):
    rows = [[float(v) for v in row] for row in CROP]
    called = "to_tensor([[73.0, 67.0, 43.0], ...], 5 rows of floats)"
    table = _table(kata, rows, called)
    _expect_float32(table, called)
    expect(table.tolist() == rows, f"{called} returned {table.tolist()}; expected the same numbers, row by row.")


def test_a_list_of_whole_numbers_becomes_float32_not_int64(kata):
    called = "to_tensor([[73, 67, 43], ...], 5 rows of whole numbers)"
    table = _table(kata, [list(row) for row in CROP], called)
    _expect_float32(table, called)
    expect(table.tolist() == CROP, f"{called} returned {table.tolist()}; expected the same numbers, row by row.")


def test_a_single_row_stays_a_table(kata):
    called = "to_tensor([[75, 63, 44]])"
    table = _table(kata, [[75, 63, 44]], called)
    _expect_float32(table, called)


def test_a_numpy_float64_array_becomes_float32(kata):
    array = np.array(CROP, dtype=np.float64)
    called = "to_tensor(a numpy float64 array of shape (5, 3))"
    table = _table(kata, array, called)
    _expect_float32(table, called)
    expect(table.tolist() == CROP, f"{called} returned {table.tolist()}; expected the same numbers, row by row.")


def test_numpy_arrays_of_other_number_types_become_float32(kata):
    for dtype in (np.float32, np.int64, np.int32, np.uint8):
        called = f"to_tensor(a numpy {np.dtype(dtype).name} array of shape (5, 3))"
        table = _table(kata, np.array(CROP, dtype=dtype), called)
        _expect_float32(table, called)
        expect(table.tolist() == CROP, f"{called} returned {table.tolist()}; expected the same numbers.")


def test_the_tensor_keeps_its_numbers_when_the_array_changes_afterwards(kata):
    for dtype in (np.float32, np.float64):
        array = np.array(CROP, dtype=dtype)
        called = f"to_tensor(a numpy {np.dtype(dtype).name} array)"
        table = _table(kata, array, called)
        array[0, 0] = -1000
        expect(table[0, 0].item() == CROP[0][0],
               f"{called} returned a tensor that changed when the array was changed afterwards "
               f"(table[0, 0] became {table[0, 0].item():g}): they share memory. torch.from_numpy, "
               "torch.as_tensor and torch.Tensor reuse a float32 array's memory; make a copy with "
               "torch.tensor(...), so later edits to the array cannot reach your data.")


def test_to_tensor_matches_the_numbers_of_a_random_table(kata, seed):
    gen = torch.Generator().manual_seed(seed)
    n, k = (int(v) for v in torch.randint(1, 8, (2,), generator=gen))
    array = torch.randn(n, k, generator=gen, dtype=torch.float64).numpy() * 50
    called = f"to_tensor(a random numpy float64 array of shape ({n}, {k}))"
    table = _table(kata, array, called)
    _expect_float32(table, called)
    expect_close(table, torch.from_numpy(array), what="the numbers", called=called, rtol=1e-6, atol=1e-5,
                 nudge="Only the dtype changes: float32 keeps about 7 significant digits of each number.")
