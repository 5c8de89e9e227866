"""Errors that PyTorch raises for the lesson's classic mistakes, each with the name of the mistake and a nudge.

When a kata raises one of these, the failure report leads with the explanation, then the original error.
"""

import re
import traceback
from pathlib import Path

from katakit import loader
from katakit.results import Failure

KNOWN_ERRORS = [
    (
        r"a leaf Variable that requires grad is being used in an in-place operation",
        "In-place update without torch.no_grad(): PyTorch refuses to change a parameter in place "
        "while it records the graph. Wrap the update in `with torch.no_grad():`.",
    ),
    (
        r"'NoneType' object has no attribute 'zero_'",
        "Resetting a gradient that does not exist yet: `.grad` is None until the first backward(). "
        "Reset after the update (or set `w.grad = None`), not before the first backward().",
    ),
    (
        r"Trying to backward through the graph a second time",
        "Calling backward() twice on one graph: recompute the predictions and the loss "
        "before each backward().",
    ),
    (
        r"mat1 and mat2 shapes cannot be multiplied",
        "Shapes do not line up for `@`: w has shape (outputs, inputs), so the model is `x @ w.t() + b`. "
        "Did you forget the `.t()`?",
    ),
    (
        r"same dtype, but got:? (Double and Float|double != float|Float and Double|float != double)",
        "Mixing float64 and float32: numpy arrays become float64 tensors. "
        "Convert with `torch.from_numpy(a).float()` or `torch.tensor(a, dtype=torch.float32)`.",
    ),
    (
        r"same dtype, but got:? (Long and Float|long int != float|Float and Long|float != long int)",
        "Integer tensor in a float model: `torch.tensor([[75, 63, 44]])` holds int64. "
        "Write the numbers as floats (75.) or pass `dtype=torch.float32`.",
    ),
    (
        r"Can't call numpy\(\) on Tensor that requires grad",
        "Calling .numpy() on a tensor that is part of the graph: "
        "use `.detach().numpy()`, or compute it under `torch.no_grad()`.",
    ),
    (
        r"grad can be implicitly created only for scalar outputs",
        "Calling backward() on a non-scalar: the loss must be one number. Did you forget to average?",
    ),
    (
        r"element 0 of tensors does not require grad and does not have a grad_fn",
        "The parameters stopped requiring grad: `w = w - lr * w.grad` under no_grad makes a new tensor "
        "with no gradient. Update in place: `w -= lr * w.grad`.",
    ),
    (
        r"'type' object does not support the context manager protocol",
        "`with torch.no_grad:` without parentheses: no_grad must be called, `with torch.no_grad():`.",
    ),
]


def explain(error: BaseException) -> str | None:
    """The name and nudge for a known mistake, or None."""
    text = f"{type(error).__name__}: {error}"
    for pattern, explanation in KNOWN_ERRORS:
        if re.search(pattern, text):
            return explanation
    return None


def explain_crash(error: BaseException, root: Path) -> Failure:
    """A learner's function raised: what was called, where it broke, and the known mistake if any.
    The cause is the exception and the line it came from: the same crash in many checks is one mistake."""
    where, place = "", ""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        path = Path(frame.filename)
        if path.is_relative_to(root) and path.relative_to(root).parts[0] in ("katas", "reference", "mutants", "variants"):
            place = f"{path.relative_to(root).as_posix()}:{frame.lineno}"
            where = f"\n  at {path.relative_to(root).as_posix()}, line {frame.lineno}: {frame.line}"
            break
    known = explain(error)
    lead = f"{known}\n" if known else ""
    return Failure(f"{lead}Called {loader.LAST_CALL[0]} -> it raised {type(error).__name__}: {error}{where}",
                   cause=f"{type(error).__name__} at {place or str(error)}")
