"""Test helpers: each one checks one fact and, when it fails, says what was called, what came back,
what was expected, and gives one nudge. Hard preconditions use `assert`; independent facts use pytest-check.
"""

from __future__ import annotations

import contextlib
import inspect
import sys

import pytest
import torch
from pytest_check import check
from torch.overrides import TorchFunctionMode

from katakit import describe
from katakit.loader import LAST_CALL
from katakit.results import Failure

_FOUND: list[Failure] = []  # what the running check found wrong, in order
_NOTES: list[str] = []  # "going further" notes of the running check
# In a worker: sink(message) sends each failure out the moment a check finds it (katakit.supervisor), so that
# nothing the kata leaves behind (a __del__, a pytest plugin, a thread) can erase it before the check's report.
sink = None


def start_check() -> None:
    _FOUND.clear()
    _NOTES.clear()
    LAST_CALL[0] = "(no call yet)"  # a message must never quote the call of an earlier check


def take_failures() -> list[Failure]:
    found = list(_FOUND)
    _FOUND.clear()
    return found


def take_notes() -> list[str]:
    notes = list(_NOTES)
    _NOTES.clear()
    return notes


class KataFailure(AssertionError):
    """A hard precondition failed (the test stops); `cause` groups it with other failures of the same mistake."""

    def __init__(self, message: str, cause: str = ""):
        super().__init__(message)
        self.cause = cause


def require(condition: bool, message: str, cause: str = "") -> None:
    """Hard precondition: stop the test with this message when it does not hold."""
    __tracebackhide__ = True
    if not condition:
        raise KataFailure(message, cause)


def says(sentence: str):
    """A test's name as the learner reads it, where its function name would lose punctuation (1e-5, nn.Linear):
    `@says("a learning rate of 1e-5 lowers the loss every epoch")`. Test ids stay as they are."""
    return pytest.mark.sentence(sentence)


def note(condition: bool, message: str) -> None:
    """Going further: a habit stricter than the lesson. Shown with the pass, never a failure."""
    if not condition:
        _NOTES.append(message)


def watching(fn, args: tuple):
    """fn(*args), with fn's own local variables as it returned or raised (seen by a profile function), and
    the exception if it raised: (result, locals, error). For diagnoses that look at what the kata held."""
    code, seen = inspect.unwrap(fn).__code__, {}

    def profile(frame, event, arg):
        if event == "return" and frame.f_code is code:
            seen.clear()
            seen.update(frame.f_locals)

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        return fn(*args), seen, None
    except Exception as err:  # noqa: BLE001 - handed back, to be explained or raised again
        return None, seen, err
    finally:
        sys.setprofile(previous)


def _called(called: str | None) -> str:
    return called or LAST_CALL[0]


def _fn(called: str) -> str:
    return called.split("(", 1)[0]


def expect_tensor(value, shape: tuple | None = None, dtype=torch.float32, called: str | None = None,
                  nudge: str = "") -> torch.Tensor:
    """Hard precondition: a tensor of this shape and dtype (stops the test, since later checks need it).
    The nudge is added when the shape is wrong."""
    __tracebackhide__ = True
    what = _called(called)
    require(isinstance(value, torch.Tensor),
            f"{what} returned {describe.value(value)} ({type(value).__name__}); expected a torch.Tensor. "
            "Build the result with torch operations and return it.", cause=f"{_fn(what)}: type")
    if shape is not None:
        require(tuple(value.shape) == tuple(shape),
                f"{what} returned shape {describe.shape(value)}; expected shape "
                f"{describe.shape(torch.empty(shape))}. {nudge}".rstrip(), cause=f"{_fn(what)}: shape")
    if dtype is not None:
        require(value.dtype == dtype,
                f"{what} returned dtype {describe.dtype(value)}; expected {str(dtype).replace('torch.', '')}. "
                "Keep everything float32: an int or float64 tensor (numpy gives float64) changes the result's dtype.",
                cause=f"{_fn(what)}: dtype")
    return value


def expect_close(actual: torch.Tensor, expected: torch.Tensor, what: str = "the result", called: str | None = None,
                 nudge: str = "", rtol: float = 1e-4, atol: float = 1e-4, cause: str = "") -> bool:
    """Independent fact: values match the oracle, compared in float64 with |got - expected| <= atol + rtol·|expected|.

    (torch.testing.assert_close would do, but its first call imports torch.distributed: about a second.)
    """
    expected = expected.detach().to(torch.float64)
    got = actual.detach().to(torch.float64)
    if got.shape != expected.shape:
        return expect(False, f"{_called(called)}: {what} has shape {describe.shape(got)}; expected "
                             f"{describe.shape(expected)}. {nudge}".rstrip(), cause=cause)
    if torch.allclose(got, expected, rtol=rtol, atol=atol):
        return True
    gap = (got - expected).abs().nan_to_num(float("inf"))
    where = ""
    if gap.dim() > 0:
        flat, worst = int(gap.argmax()), []
        for size in reversed(gap.shape):  # torch.unravel_index would import sympy (seconds) on first use
            flat, i = divmod(flat, size)
            worst.insert(0, i)
        where = f" (largest gap at index {tuple(worst)})"
    return expect(False, f"{_called(called)}: {what} differs from the expected values{where}.\n"
                         f"  got      {_short(got)}\n  expected {_short(expected)}\n{nudge}".rstrip(), cause=cause)


def _short(t: torch.Tensor) -> str:
    flat = [f"{v:.4g}" for v in t.flatten()[:6].tolist()]
    return "[" + ", ".join(flat) + (", …]" if t.numel() > 6 else "]")


def expect(condition: bool, message: str, cause: str = "") -> bool:
    """Independent fact with a ready message; failures with the same cause are shown once."""
    if not condition:
        _FOUND.append(Failure(message, cause))
        check.fail(message)
        if sink is not None:
            sink(message)
    return bool(condition)


def expect_unchanged(before: torch.Tensor, after: torch.Tensor, name: str, called: str | None = None) -> None:
    """The input tensor was not mutated."""
    expect(torch.equal(before, after.detach()),
           f"{_called(called)} changed its input `{name}` in place. Work on new tensors "
           "(for example `a - b`, not `a -= b`) so the caller's data stays intact.")


@contextlib.contextmanager
def ops_run():
    """The names of the torch functions that ran while the block ran ({"sub", "pow", "mean"}), seen by a torch
    function mode: F.mse_loss counts as "mse_loss" however it was reached (F.mse_loss, an alias bound at import, a
    default argument, functools.partial, nn.MSELoss, torch._C._nn.mse_loss)."""
    seen: set[str] = set()

    class Spy(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            seen.add(getattr(func, "__name__", ""))
            return func(*args, **(kwargs or {}))

    with Spy():
        yield seen


@contextlib.contextmanager
def forbid(op: str, label: str, nudge: str):
    """Fail if the kata runs a built-in it is asked to write by hand (op "mse_loss": F.mse_loss, by any route)."""
    with ops_run() as seen:
        yield
    expect(op not in seen, f"{LAST_CALL[0]} called {label}. This kata asks for it by hand. {nudge}")


def refers_to(kata, obj) -> bool:
    """True when the kata module holds a direct reference to obj (e.g. `from torch.nn.functional import mse_loss`)."""
    return any(value is obj for value in vars(kata.module).values())


def expect_history(history, length: int, called: str | None = None, what: str = "loss") -> list[float]:
    """Hard precondition: a list of `length` Python floats (not tensors that keep a graph alive)."""
    __tracebackhide__ = True
    what_called = _called(called)
    require(isinstance(history, list),
            f"{what_called} returned {describe.value(history)}; expected a list of {length} {what} values (floats).",
            cause=f"{_fn(what_called)}: type")
    require(len(history) == length,
            f"{what_called} returned {len(history)} {what} values; expected {length}, one per epoch/step.",
            cause=f"{_fn(what_called)}: length")
    kinds = {type(v).__name__ for v in history}
    require(kinds <= {"float"},
            f"{what_called} returned a history holding {', '.join(sorted(kinds))}; expected plain Python floats. "
            f"{not_a_float(history)}", cause=f"{_fn(what_called)}: floats")
    return history


def not_a_float(values) -> str:
    """What the first entry that is not a Python float is, and the nudge true of it (a tensor with a graph, a
    detached tensor, a numpy number, None, anything else); "" when every entry is a float."""
    for i, v in enumerate(values):
        if type(v) is float:
            continue
        seen = f"Entry {i} is {describe.value(v)}"
        if isinstance(v, torch.Tensor) and v.requires_grad:
            return f"{seen}, which requires grad. Append `loss.item()`, not `loss`: a tensor keeps its whole graph alive."
        if isinstance(v, torch.Tensor):
            return f"{seen}: a tensor, even without a graph, is not a Python number. `.item()` gives the float it holds."
        if type(v).__module__ == "numpy":
            return f"{seen}, a numpy value, not a Python float: `.item()` on the loss tensor gives a Python float."
        if v is None:
            return f"{seen}: was something appended that returns nothing (a method that works in place)?"
        return f"{seen}, a {type(v).__name__}, not a float: append the loss itself, as `loss.item()`."
    return ""
