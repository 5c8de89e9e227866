"""Float64 oracles for the lesson's model and loss, written out by hand so tests compare against
something independent of the learner's code (and of float32 rounding)."""

import torch

from katakit import data


def predict64(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return x.detach().double() @ w.detach().double().t() + b.detach().double()


def mse64(preds: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    return ((preds.detach().double() - targets.detach().double()) ** 2).mean()


def loss64(w: torch.Tensor, b: torch.Tensor, rows: int = 5) -> float:
    """The MSE of the linear model (w, b) on the crop data, in float64."""
    return mse64(predict64(data.inputs(rows), w, b), data.targets(rows)).item()


def grads64(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """d(MSE)/dw and d(MSE)/db from the residuals: 2/(N·M) · residualsᵀ x and 2/(N·M) · Σ residuals."""
    residuals = predict64(x, w, b) - y.double()
    scale = 2 / residuals.numel()
    return scale * residuals.t() @ x.double(), scale * residuals.sum(0)
