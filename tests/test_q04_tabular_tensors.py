"""q04 · Tabular data as tensors."""

import numpy as np
import torch

from katakit import describe
from katakit.checks import expect, expect_close, note, require

CROP = [[73, 67, 43], [91, 88, 64], [87, 134, 58], [102, 43, 37], [69, 96, 70]]
NOT_FLOAT32 = "to_tensor: not float32"  # one cause: whatever came in, the result must be float32


def _table(kata, rows, called: str) -> torch.Tensor:
    """Call to_tensor and check the shape, naming a transposed table."""
    __tracebackhide__ = True
    n, k = np.shape(rows)
    try:
        result = kata.to_tensor(rows)
    except TypeError as err:
        if not isinstance(rows, list) or "np.ndarray" not in str(err):
            raise
        require(False, f"{called} raised TypeError: {err}. A Python list is not a numpy array, and torch.from_numpy "
                       "takes only numpy arrays. Which way of building a tensor takes a list as well as an array?",
                cause="to_tensor: a list is not an array")
    require(isinstance(result, torch.Tensor),
            f"{called} returned {describe.value(result)} ({type(result).__name__}); expected a torch.Tensor. "
            "torch.tensor(...) turns a list or an array into one.", cause="to_tensor: type")
    if tuple(result.shape) == (k, n) and n != k:
        require(False, f"{called} returned shape {describe.shape(result)}; expected ({n}, {k}): one row per sample, "
                       "one column per variable. The table came back transposed: keep the rows as they are.",
                cause="to_tensor: transposed")
    require(tuple(result.shape) == (n, k),
            f"{called} returned shape {describe.shape(result)}; expected ({n}, {k}): one row per sample, one column "
            "per variable. Keep the table 2-D, even when it has a single row.", cause="to_tensor: shape")
    return result


def _expect_float32(table: torch.Tensor, rows, called: str) -> None:
    """The result is float32; the nudge depends on what came in and what came back."""
    if table.dtype == torch.float32:
        return
    given = np.asarray(rows).dtype if isinstance(rows, np.ndarray) else "list"
    if table.dtype == torch.float64 and given == "list":
        why = ("Float64 from numpy? torch.tensor turns a list of decimals into float32, but a numpy array of "
               "decimals is float64, and torch.from_numpy keeps the array's dtype.")
    elif table.dtype == torch.float64:
        why = ("Float64 from numpy: decimals in numpy are float64 by default, and torch.from_numpy (or torch.tensor "
               "without a dtype) keeps that, so float32 weights would fail with 'Double and Float'.")
    elif table.dtype == torch.int64 and given == "list":
        why = ("A list of whole numbers becomes an int64 (Long) tensor, and an integer tensor in a float model "
               "fails with 'Long and Float' as soon as it meets the weights.")
    elif not table.is_floating_point():
        why = f"An array of whole numbers ({given}) keeps its integer dtype unless you ask for another one."
    else:
        why = "The dtype of the input came through unchanged."
    expect(False, f"{called} returned dtype {describe.dtype(table)}; expected float32, the dtype of the model's "
                  f"weights. {why} Which argument or method sets the dtype of the result?", cause=NOT_FLOAT32)


def test_a_list_of_float_rows_becomes_a_float32_table(kata):
    rows = [[float(v) for v in row] for row in CROP]
    called = "to_tensor([[73.0, 67.0, 43.0], ...], 5 rows of floats)"
    table = _table(kata, rows, called)
    _expect_float32(table, rows, called)
    expect(table.tolist() == rows, f"{called} returned {table.tolist()}; expected the same numbers, row by row.")


def test_a_list_of_whole_numbers_becomes_float32_not_int64(kata):
    rows = [list(row) for row in CROP]
    called = "to_tensor([[73, 67, 43], ...], 5 rows of whole numbers)"
    table = _table(kata, rows, called)
    _expect_float32(table, rows, called)
    expect(table.tolist() == CROP, f"{called} returned {table.tolist()}; expected the same numbers, row by row.")


def test_a_single_row_stays_a_table(kata):
    called = "to_tensor([[75, 63, 44]])"
    table = _table(kata, [[75, 63, 44]], called)
    _expect_float32(table, [[75, 63, 44]], called)


def test_a_numpy_float64_array_becomes_float32(kata):
    array = np.array(CROP, dtype=np.float64)
    called = "to_tensor(a numpy float64 array of shape (5, 3))"
    table = _table(kata, array, called)
    _expect_float32(table, array, called)
    expect(table.tolist() == CROP, f"{called} returned {table.tolist()}; expected the same numbers, row by row.")


def test_numpy_arrays_of_other_number_types_become_float32(kata):
    for dtype in (np.float32, np.int64, np.int32, np.uint8):
        array = np.array(CROP, dtype=dtype)
        called = f"to_tensor(a numpy {np.dtype(dtype).name} array of shape (5, 3))"
        table = _table(kata, array, called)
        _expect_float32(table, array, called)
        expect(table.tolist() == CROP, f"{called} returned {table.tolist()}; expected the same numbers.")
        if dtype is np.float32:
            array[0, 0] = -1000
            note(table[0, 0].item() == CROP[0][0],
                 f"{called} returned a tensor that shares memory with the array: changing the array afterwards "
                 "changed the tensor too. torch.from_numpy (the lesson's way) and torch.as_tensor reuse a float32 "
                 "array's memory, which saves a copy; when the array may still change, torch.tensor(...) makes "
                 "the tensor its own copy.")


def test_to_tensor_matches_the_numbers_of_a_random_table(kata, seed):
    gen = torch.Generator().manual_seed(seed)
    n, k = (int(v) for v in torch.randint(1, 8, (2,), generator=gen))
    array = torch.randn(n, k, generator=gen, dtype=torch.float64).numpy() * 50
    called = f"to_tensor(a random numpy float64 array of shape ({n}, {k}))"
    table = _table(kata, array, called)
    _expect_float32(table, array, called)
    expect_close(table, torch.from_numpy(array), what="the numbers", called=called, rtol=1e-6, atol=1e-5,
                 nudge="Only the dtype changes: float32 keeps about 7 significant digits of each number.")
