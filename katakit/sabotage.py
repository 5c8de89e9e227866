"""The self-test's bad-input matrix: ways a learner's function can go wrong, applied to the reference.

`pytest --impl=reference --sabotage=KIND` makes every kata function misbehave in one way; the self-test
asserts that each kata then fails (never crashes the run) with a message that names what came back.
"""

from __future__ import annotations

import time

import torch


def _tensor_result(fn, args, kwargs, change):
    result = fn(*args, **kwargs)
    return change(result) if isinstance(result, torch.Tensor) else result


MUTATED: set[str] = set()  # kata modules whose data tensors "mutates" changed; the others had none to change


def _mutate_inputs(fn, args, kwargs):
    for value in (*args, *kwargs.values()):
        if isinstance(value, torch.Tensor) and not value.requires_grad and value.is_floating_point():
            value.add_(1.0)
            MUTATED.add(fn.__module__.removeprefix("kata_"))
    return fn(*args, **kwargs)


def _hang(fn, args, kwargs):
    while True:
        time.sleep(0.01)


def _raise(fn, args, kwargs):
    raise ValueError("an unrelated bug in the learner's code")


def _numbers_to_tensors(value):
    """Python numbers inside lists, tuples and dicts become 0-d tensors (floats requiring grad, as `loss` instead
    of `loss.item()` gives); tensors and the containers themselves are kept."""
    if isinstance(value, bool) or not isinstance(value, (float, int, list, tuple, dict)):
        return value
    if isinstance(value, float):
        return torch.tensor(value, requires_grad=True)
    if isinstance(value, int):
        return torch.tensor(value)
    if isinstance(value, dict):
        return {k: _numbers_to_tensors(v) for k, v in value.items()}
    return type(value)(_numbers_to_tensors(v) for v in value)


def _nested(fn, args, kwargs):
    result = fn(*args, **kwargs)
    return _numbers_to_tensors(result) if isinstance(result, (list, tuple, dict)) else result


def _tensors_to_numpy(value):
    """Tensors inside lists and tuples become numpy arrays (as `.numpy()` on each batch or parameter gives)."""
    if isinstance(value, (list, tuple)):
        return type(value)(_tensors_to_numpy(v) for v in value)
    return value.detach().numpy() if isinstance(value, torch.Tensor) else value


def _nested_numpy(fn, args, kwargs):
    result = fn(*args, **kwargs)
    return _tensors_to_numpy(result) if isinstance(result, (list, tuple)) else result


def _holds_tensors(types: set[str]) -> bool:
    """The kata returns tensors inside a list or tuple (pairs of parameters, batches)."""
    return any(t.startswith(("list[", "tuple[")) and "torch.Tensor" in t for t in types)


def _holds_numbers(types: set[str]) -> bool:
    """The kata returns a container of Python numbers (a history, a dict of histories, lists of indices)."""
    return any(t.startswith(("list[", "dict[", "tuple[")) and ("float" in t or "int" in t) for t in types)


KINDS = {
    # kind: (what it does, the word a failure message must contain to name it, applies to tensor results only,
    #        or a test of the kata's return annotations)
    "none": (lambda fn, a, k: None, "None", False),
    "raises": (_raise, "ValueError", False),
    "hangs": (_hang, "timed out", False),
    "mutates": (_mutate_inputs, "in place", False),
    "numpy": (lambda fn, a, k: _tensor_result(fn, a, k, lambda t: t.detach().numpy()), "ndarray", True),
    "list": (lambda fn, a, k: _tensor_result(fn, a, k, lambda t: t.detach().reshape(-1).tolist()), "list", True),
    "float": (lambda fn, a, k: _tensor_result(fn, a, k, lambda t: float(t.detach().sum())), "float", True),
    "float64": (lambda fn, a, k: _tensor_result(fn, a, k, lambda t: t.double()), "float64", True),
    "int": (lambda fn, a, k: _tensor_result(fn, a, k, lambda t: t.long()), "int64", True),
    "shape": (lambda fn, a, k: _tensor_result(fn, a, k, lambda t: t.unsqueeze(0)), "shape", True),
    "nan": (lambda fn, a, k: _tensor_result(fn, a, k, lambda t: t * float("nan")), "nan", True),
    "meta": (lambda fn, a, k: _tensor_result(fn, a, k, lambda t: t.to("meta")), "meta", True),
    # numbers inside a returned container become tensors: a check must not round(), format or compare them blind
    "tensors-in-containers": (_nested, "tensor", _holds_numbers),
    "numpy-in-containers": (_nested_numpy, "ndarray", _holds_tensors),
}


def apply(kind: str, fn, args, kwargs):
    return KINDS[kind][0](fn, args, kwargs)

