"""q01 · What a linear regression model is.

A linear regression model predicts each target as a weighted sum of the inputs plus a bias, for
example apples = w1·temperature + w2·rainfall + w3·humidity + b. The weights and the bias are
learned from data. Here you invent a small problem of your own that such a model explains.
"""

import torch


def example_problem() -> tuple[torch.Tensor, torch.Tensor]:
    """Data for a problem of your own that a linear regression model explains.

    Pick something you know (house prices, exam marks, fuel use ...), choose its input and target
    variables, and make up N samples whose targets follow a weighted sum of the inputs plus a bias
    (a little noise is fine).

    Returns:
        (inputs, targets): inputs of shape (N, k) and targets of shape (N, m), both float32 tables,
        one row per sample (a single variable is still a column: shape (N, 1)). The tests require:
        - enough samples: N ≥ 8 and N > k + 1 (k + 1 samples can always be fitted exactly);
        - every column of the inputs and of the targets varies (no column holds one value in
          every row), and every number is finite (no inf or nan);
        - a straight-line fit explains each target: the least-squares fit of each target column by
          a weighted sum of the inputs plus a bias has R² ≥ 0.9 (it explains at least 90% of
          that column's variation).

    Example:
        House prices (thousands) from area (m²) and rooms, price ≈ 2.5·area + 10·rooms + 20:
        inputs [[50., 2.], [80., 3.], ...] (N, 2) and targets [[165.], [250.], ...] (N, 1).
    """
    gen = torch.Generator().manual_seed(0)
    area = torch.randint(40, 160, (12,), generator=gen).float()
    rooms = torch.randint(1, 6, (12,), generator=gen).float()
    noise = torch.randn(12, generator=gen) * 5
    price = 2.5 * area + 10 * rooms + 20 + noise  # a weighted sum of the inputs plus a bias
    return torch.stack([area, rooms], dim=1), price.unsqueeze(1)
