"""The lesson's crop-yield data, handed out as fresh float32 tensors.

Every call builds new tensors, so a kata that mutates its input cannot poison another test, and the numbers are
tuples, which no kata can change in place for the checks after it.
Columns of the inputs: temperature, rainfall, humidity. Columns of the targets: apples, oranges.
"""

import torch

_INPUTS_5 = ((73, 67, 43), (91, 88, 64), (87, 134, 58), (102, 43, 37), (69, 96, 70))
_TARGETS_5 = ((56, 70), (81, 101), (119, 133), (22, 37), (103, 119))
_INPUTS_MORE = (
    (74, 66, 43), (91, 87, 65), (88, 134, 59), (101, 44, 37), (68, 96, 71),
    (73, 66, 44), (92, 87, 64), (87, 135, 57), (103, 43, 36), (68, 97, 70),
)
_TARGETS_MORE = (
    (57, 69), (80, 102), (118, 132), (21, 38), (104, 118),
    (57, 69), (82, 100), (118, 134), (20, 38), (102, 120),
)

# The lowest mean squared error any linear model can reach (least squares, with a bias).
LSTSQ_FLOOR_5 = 0.4831
LSTSQ_FLOOR_15 = 0.9094


def inputs(rows: int = 5) -> torch.Tensor:
    """The crop inputs, shape (rows, 3), float32; rows is 5 or 15."""
    return torch.tensor(_pick(_INPUTS_5, _INPUTS_MORE, rows), dtype=torch.float32)


def targets(rows: int = 5) -> torch.Tensor:
    """The crop targets, shape (rows, 2), float32; rows is 5 or 15."""
    return torch.tensor(_pick(_TARGETS_5, _TARGETS_MORE, rows), dtype=torch.float32)


def _pick(first, more, rows):
    if rows not in (5, 15):
        raise ValueError(f"the lesson has 5 or 15 rows of crop data, not {rows}")
    return first if rows == 5 else first + more


def params(seed: int, n_inputs: int = 3, n_outputs: int = 2) -> tuple[torch.Tensor, torch.Tensor]:
    """A seeded starting point like the lesson's: w (n_outputs, n_inputs) and b (n_outputs,), leaves with grad."""
    gen = torch.Generator().manual_seed(seed)
    w = torch.randn(n_outputs, n_inputs, generator=gen).requires_grad_()
    b = torch.randn(n_outputs, generator=gen).requires_grad_()
    return w, b


def random_batch(seed: int, rows: int = 5, cols: int = 2) -> torch.Tensor:
    """A seeded float32 tensor of shape (rows, cols) with values of a few units, for generic checks."""
    gen = torch.Generator().manual_seed(seed)
    return torch.randn(rows, cols, generator=gen) * 3


def linear_model(seed: int) -> torch.nn.Linear:
    """nn.Linear(3, 2) starting from the seeded weight and bias of params(seed)."""
    w, b = params(seed)
    model = torch.nn.Linear(3, 2)
    with torch.no_grad():
        model.weight.copy_(w)
        model.bias.copy_(b)
    return model
