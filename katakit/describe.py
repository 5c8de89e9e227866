"""Short, learner-readable descriptions of values and calls, for failure messages."""

from __future__ import annotations

import torch

_DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64 (Long)"}


def shape(t: torch.Tensor) -> str:
    return "()" if t.dim() == 0 else "(" + ", ".join(str(n) for n in t.shape) + (",)" if t.dim() == 1 else ")")


def dtype(t: torch.Tensor) -> str:
    return _DTYPES.get(t.dtype, str(t.dtype).replace("torch.", ""))


def value(v: object) -> str:
    if isinstance(v, torch.Tensor):
        where = "" if v.device.type == "cpu" else f", on {v.device.type}"
        if v.dim() == 0 and not where and not v.is_complex():  # a meta tensor has no number to show
            return f"tensor({v.item():.4g}, {dtype(v)})"
        return f"tensor of shape {shape(v)}, {dtype(v)}{where}"
    if type(v).__module__ == "numpy" and hasattr(v, "shape") and hasattr(v, "dtype"):  # no numpy import needed
        one = (f"{v.item():.4g}" if v.dtype.kind in "biuf" else repr(v.item())[:20]) if v.ndim == 0 else ""
        if type(v).__name__ != "ndarray":
            return f"numpy {v.dtype} {one}"
        if v.ndim == 0:
            return f"ndarray({one}, {v.dtype})"
        return f"ndarray of shape ({', '.join(map(str, v.shape))}{',' if v.ndim == 1 else ''}), {v.dtype}"
    if isinstance(v, torch.nn.Module):
        return type(v).__name__
    if isinstance(v, (list, tuple)) and len(v) > 4:
        return f"{type(v).__name__} of {len(v)} items"
    if isinstance(v, (list, tuple)) and any(isinstance(x, torch.Tensor) or type(x).__module__ == "numpy" for x in v):
        inner = ", ".join(value(x) for x in v)
        return f"[{inner}]" if isinstance(v, list) else f"({inner})"
    if callable(v):
        return getattr(v, "__name__", type(v).__name__)
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


def call(name: str, args: tuple, kwargs: dict) -> str:
    parts = [value(a) for a in args] + [f"{k}={value(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"
