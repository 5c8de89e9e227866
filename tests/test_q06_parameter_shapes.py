"""q06 · Shapes of the weights and the bias."""

import torch

from katakit import data, describe
from katakit.checks import expect, require, says


def _shapes(kata, inputs: torch.Tensor, targets: torch.Tensor) -> tuple[tuple, tuple, str]:
    """Hard precondition: a pair of shapes, each a tuple of ints."""
    __tracebackhide__ = True
    called = (f"parameter_shapes(inputs of shape {describe.shape(inputs)}, "
              f"targets of shape {describe.shape(targets)})")
    result = kata.parameter_shapes(inputs, targets)
    require(isinstance(result, (tuple, list)) and len(result) == 2,
            f"{called} returned {describe.value(result)}; expected a pair (w_shape, b_shape), "
            "for example ((2, 3), (2,)).", cause="parameter_shapes: not a pair")
    for name, shape in zip(("w", "b"), result, strict=True):
        require(isinstance(shape, (tuple, list)) and all(type(n) is int for n in shape),
                f"{called} returned {describe.value(shape)} as the shape of {name}; expected a tuple of ints such as "
                "(2, 3). tensor.shape[1] is an int; (n,) with a comma is a tuple of one int.",
                cause="parameter_shapes: not tuples of ints")
    return tuple(result[0]), tuple(result[1]), called


def _rows(n: int) -> str:
    return f"{n} sample{'s' if n != 1 else ''}"


def _check_shapes(kata, inputs: torch.Tensor, targets: torch.Tensor) -> None:
    """w is (m, k) and b is (m,); each wrong shape is named by the mistake it shows, one cause per mistake."""
    (n, k), m = inputs.shape, targets.shape[1]
    w, b, called = _shapes(kata, inputs, targets)
    if w != (m, k):
        if w == (k, m):
            cause, why = "w: swapped", (
                "The two numbers are swapped: w has one row per target and one column per input, so that each "
                "target's row of weights meets every sample's inputs.")
        elif n in w and n not in (k, m):
            cause, why = "counted the rows", (
                f"You used the number of rows ({_rows(n)}). The shapes depend only on how many variables there "
                "are, which is the number of columns.")
        else:
            cause, why = "w: shape", "Count the columns: the inputs have k of them, the targets m."
        expect(False, f"{called} gave w the shape {w}; expected ({m}, {k}): one row per target, one column "
                      f"per input. {why}", cause=cause)
    if b != (m,):
        if b == (n,) and n != m:
            cause, why = "counted the rows", (
                f"You used the number of rows ({_rows(n)}). There is one bias per target, whatever the number "
                "of samples.")
        elif len(b) == 2 and m in b:
            cause, why = "b: a matrix", (
                "b is a vector, shape (m,), not a matrix: the same biases are added to the predictions of "
                "every sample.")
        elif b == (k,) and k != m:
            cause, why = "b: per input", "b has one entry per target, not one per input."
        else:
            cause, why = "b: shape", "Count the columns of the targets."
        expect(False, f"{called} gave b the shape {b}; expected ({m},): one bias per target. {why}", cause=cause)


@says("the crop data needs a 2×3 weights matrix and 2 biases")
def test_the_crop_data_needs_a_2_by_3_weights_matrix_and_2_biases(kata):
    _check_shapes(kata, data.inputs(), data.targets())


def test_one_target_needs_a_single_row_of_weights_and_one_bias(kata, seed):
    _check_shapes(kata, data.random_batch(seed, rows=7, cols=4), data.random_batch(seed + 1, rows=7, cols=1))


def test_the_shapes_do_not_depend_on_the_number_of_samples(kata, seed):
    _check_shapes(kata, data.inputs(15), data.targets(15))
    _check_shapes(kata, data.random_batch(seed, rows=1, cols=3), data.random_batch(seed + 1, rows=1, cols=2))


def test_the_shapes_follow_the_columns_for_random_sizes(kata, seed):
    gen = torch.Generator().manual_seed(seed)
    n = int(torch.randint(9, 16, (), generator=gen))  # more samples than variables, so rows and columns differ
    k, m = (int(v) for v in torch.randint(1, 9, (2,), generator=gen))
    _check_shapes(kata, data.random_batch(seed, rows=n, cols=k), data.random_batch(seed + 1, rows=n, cols=m))
