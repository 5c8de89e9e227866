"""q06 · Shapes of the weights and the bias."""

import torch

from katakit import data, describe
from katakit.checks import expect


def _shapes(kata, inputs: torch.Tensor, targets: torch.Tensor) -> tuple[tuple, tuple, str]:
    """Hard precondition: a pair of shapes, each a tuple of ints."""
    __tracebackhide__ = True
    called = (f"parameter_shapes(inputs of shape {describe.shape(inputs)}, "
              f"targets of shape {describe.shape(targets)})")
    result = kata.parameter_shapes(inputs, targets)
    assert isinstance(result, (tuple, list)) and len(result) == 2, (
        f"{called} returned {describe.value(result)}; expected a pair (w_shape, b_shape), "
        "for example ((2, 3), (2,)).")
    for name, shape in zip(("w", "b"), result, strict=True):
        assert isinstance(shape, (tuple, list)) and all(type(n) is int for n in shape), (
            f"{called} returned {describe.value(shape)} as the shape of {name}; expected a tuple of ints such as "
            "(2, 3). tensor.shape[1] is an int; (n,) with a comma is a tuple of one int.")
    return tuple(result[0]), tuple(result[1]), called


def _check_shapes(kata, inputs: torch.Tensor, targets: torch.Tensor) -> None:
    (n, k), m = inputs.shape, targets.shape[1]
    w, b, called = _shapes(kata, inputs, targets)
    if w == (k, m):
        why = ("The two numbers are swapped: w has one row per output (target) and one column per input, so that "
               "x @ w.t() turns (N, k) inputs into (N, m) predictions.")
    elif n in w and n not in (k, m):
        why = (f"You used the number of rows ({n} sample{'s' if n != 1 else ''}). The shapes depend only on how many variables there "
               "are, which is the number of columns.")
    else:
        why = "Count the columns: the inputs have k of them, the targets m."
    expect(w == (m, k), f"{called} gave w the shape {w}; expected ({m}, {k}): one row per target, one column "
                        f"per input. {why}")
    if b == (n,) and n != m:
        why = (f"You used the number of rows ({n} sample{'s' if n != 1 else ''}). There is one bias per output, whatever the number "
               "of samples.")
    elif len(b) == 2 and m in b:
        why = ("b is a vector with one entry per output, shape (m,), not a matrix; it is added to every row "
               "of x @ w.t().")
    elif b == (k,) and k != m:
        why = "b has one entry per output (target), not one per input."
    else:
        why = "Count the columns of the targets."
    expect(b == (m,), f"{called} gave b the shape {b}; expected ({m},): one entry per output. {why}")


def test_the_crop_data_needs_a_2_by_3_weights_matrix_and_2_biases(kata):
    _check_shapes(kata, data.inputs(), data.targets())


def test_one_target_needs_a_single_row_of_weights_and_one_bias(kata, seed):
    _check_shapes(kata, data.random_batch(seed, rows=7, cols=4), data.random_batch(seed + 1, rows=7, cols=1))


def test_the_shapes_do_not_depend_on_the_number_of_samples(kata, seed):
    _check_shapes(kata, data.inputs(15), data.targets(15))
    _check_shapes(kata, data.random_batch(seed, rows=1, cols=3), data.random_batch(seed + 1, rows=1, cols=2))


def test_parameters_of_these_shapes_turn_inputs_into_one_prediction_per_target(kata, seed):
    gen = torch.Generator().manual_seed(seed)
    n = int(torch.randint(9, 16, (), generator=gen))  # more samples than variables, so rows and columns differ
    k, m = (int(v) for v in torch.randint(1, 9, (2,), generator=gen))
    inputs, targets = data.random_batch(seed, rows=n, cols=k), data.random_batch(seed + 1, rows=n, cols=m)
    w_shape, b_shape, called = _shapes(kata, inputs, targets)
    try:
        preds = inputs @ torch.zeros(w_shape).t() + torch.zeros(b_shape)
    except RuntimeError as err:
        expect(False, f"{called} returned ({w_shape}, {b_shape}), but inputs @ w.t() + b with parameters of those "
                      f"shapes fails: {err}. w needs one column per input and b one entry per output.")
        return
    expect(tuple(preds.shape) == (n, m),
           f"{called} returned ({w_shape}, {b_shape}); inputs @ w.t() + b then has shape {describe.shape(preds)}, "
           f"but the targets have shape ({n}, {m}). The model must give one prediction per target for each sample.")
    _check_shapes(kata, inputs, targets)
