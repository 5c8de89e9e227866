"""q06 · Shapes of the weights and the bias.

The model computes one prediction per target from all the inputs of a sample: each target has its
own weight for every input, and its own bias. So w has one row per target and one column per input,
and b has one entry per target. Both shapes come from the number of columns (variables), never from
the number of rows (samples).
"""

import torch


def parameter_shapes(inputs: torch.Tensor, targets: torch.Tensor) -> tuple[tuple[int, int], tuple[int]]:
    """The shapes of w and b for a linear model from these inputs to these targets.

    Args:
        inputs: training inputs, shape (N, k), float32: N samples of k input variables.
        targets: training targets, shape (N, m), float32: N samples of m target variables.

    Returns:
        ((m, k), (m,)): the shape of the weights matrix w and of the bias vector b, as tuples of ints.

    Example:
        >>> parameter_shapes(torch.zeros(5, 3), torch.zeros(5, 2))
        ((2, 3), (2,))
    """
    # TODO(q06): which dimension of inputs and of targets counts variables rather than samples?
    raise NotImplementedError("q06: parameter_shapes is not written yet")
