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


KINDS = {
    # kind: (what it does, the word a failure message must contain to name it, applies to tensor results only)
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
}


def apply(kind: str, fn, args, kwargs):
    return KINDS[kind][0](fn, args, kwargs)

