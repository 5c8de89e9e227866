"""q36 · nn.Linear.

nn.Linear is the model you wrote by hand, `x @ w.t() + b`, packaged as a layer: it creates the weight
(out_features, in_features) and the bias (out_features,) for you, fills them with small random values,
marks them to require gradients, and computes the predictions when you call it, `model(x)`.
"""

import torch  # noqa: F401 (you will need it)
from torch import nn


def make_linear_model(n_inputs: int, n_outputs: int, seed: int) -> nn.Linear:
    """A linear layer from n_inputs to n_outputs whose random start is fixed by `seed`.

    Seed PyTorch's random number generator with torch.manual_seed(seed) just before creating the layer,
    so the same seed always gives the same starting weights.

    Args:
        n_inputs: input features per row (3 for the crop data: temperature, rainfall, humidity).
        n_outputs: outputs per row (2 for the crop data: apples, oranges).
        seed: the seed for the random starting weights and bias.

    Returns:
        An nn.Linear with weight (n_outputs, n_inputs) and bias (n_outputs,), float32; model(x) maps
        x (N, n_inputs) to predictions (N, n_outputs).

    Example:
        >>> model = make_linear_model(3, 2, seed=0)
        >>> model(torch.ones(5, 3)).shape
        torch.Size([5, 2])
    """
    torch.manual_seed(seed)  # nn.Linear draws its starting values from the global generator
    return nn.Linear(n_inputs, n_outputs)
