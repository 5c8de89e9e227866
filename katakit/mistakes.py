"""Errors that PyTorch raises for the lesson's classic mistakes, explained by what really happened.

One PyTorch error can have several causes ("element 0 of tensors does not require grad" comes from a loss
computed under torch.no_grad(), from rebinding a parameter, or from tensors cut off from the graph).
`explain_crash` looks at the situation (the learner's frame, its local variables, the source around the
line that raised) and names a cause only when the situation confirms it; otherwise it says what was seen.
"""

from __future__ import annotations

import ast
import difflib
import functools
import inspect
import linecache
import re
import textwrap
import traceback
from dataclasses import dataclass
from pathlib import Path

import torch

from katakit import files, loader, shipped
from katakit.results import Failure

NO_CALL = "(no call yet)"
CHECK_BROKE = "The check itself broke"  # a check crashed on a learner's value: a defect the self-test looks for
LEARNER_FOLDERS = ("katas", "reference", "mutants", "variants")


@dataclass
class Situation:
    """Where the learner's code raised: its frame (locals, line), and the source of its function."""

    error: BaseException
    frame: object | None  # the innermost frame in the learner's file
    function: ast.AST | None  # that frame's function, parsed

    def in_block(self, names: tuple[str, ...], line: int) -> bool:
        """True when `line` is inside a `with` block whose context calls one of `names` (e.g. no_grad)."""
        if self.function is None:
            return False
        for node in ast.walk(self.function):
            if isinstance(node, ast.With) and any(n in ast.unparse(item.context_expr)
                                                   for item in node.items for n in names):
                if node.lineno <= line <= node.end_lineno:
                    return True
        return False

    def assignments(self, name: str) -> list[ast.Assign]:
        """The plain assignments `name = ...` in the function (not `name -= ...`: an in-place update under
        no_grad is right, and must not be blamed)."""
        if self.function is None:
            return []
        return [node for node in ast.walk(self.function) if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)]

    def chain(self, name: str, skip: set[str]) -> list[ast.Assign]:
        """Every assignment `name` comes from, followed back through the names it reads (not `skip`)."""
        found, todo, seen = [], [name], set(skip)
        while todo:  # nearest first: the loss, then what it was computed from, and so on
            current = todo.pop(0)
            if current in seen:
                continue
            seen.add(current)
            for node in self.assignments(current):
                found.append(node)
                todo += [n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)]
        return found

    def detaches(self, nodes: list[ast.AST]) -> bool:
        return any(isinstance(n, ast.Attribute) and n.attr in ("detach", "item", "numpy", "data", "tolist")
                   for node in nodes for n in ast.walk(node))


def _situation(error: BaseException, root: Path) -> Situation:
    frame = None
    tb = error.__traceback__
    while tb is not None:
        path = Path(tb.tb_frame.f_code.co_filename)
        if path.is_relative_to(root) and path.relative_to(root).parts[0] in LEARNER_FOLDERS:
            frame = tb.tb_frame
        tb = tb.tb_next
    function = None
    if frame is not None:
        try:
            linecache.checkcache(frame.f_code.co_filename)
            lines, start = inspect.getsourcelines(frame.f_code)
            function = ast.parse(textwrap.dedent("".join(lines)))
            ast.increment_lineno(function, max(start, 1) - 1)
        except (OSError, SyntaxError, TypeError):
            function = None
    return Situation(error, frame, function)


def _rebound(s: Situation) -> str | None:
    """The name of a parameter the learner's function was given as a tensor that requires grad, and has
    since bound to a different tensor (`w = w - lr * w.grad`), or None."""
    frame = s.frame
    if frame is None:
        return None
    code = frame.f_code
    params = code.co_varnames[:code.co_argcount]
    args, kwargs = loader.LAST_ARGS
    passed = dict(zip(params, args, strict=False)) | kwargs
    for name in params:
        now, before = frame.f_locals.get(name), passed.get(name)
        if isinstance(before, torch.Tensor) and before.requires_grad and isinstance(now, torch.Tensor) \
                and now is not before:
            return name
    return None


def _without_grad(s: Situation) -> str:
    """backward() on a loss that does not require grad: which of the known causes is it?"""
    frame = s.frame
    rebound = _rebound(s)
    if rebound and not frame.f_locals[rebound].requires_grad:
        return (f"`{rebound}` is no longer the tensor you were given: `{rebound} = {rebound} - ...` under no_grad "
                f"made a new tensor that does not require grad, so the next loss cannot be differentiated. "
                f"Change the parameter in place (`{rebound} -= ...`) inside `with torch.no_grad():`.")
    if frame is not None:
        code = frame.f_code
        params = code.co_varnames[:code.co_argcount]
        target = _backward_target(s)
        chain = s.chain(target, set(params)) if target else []
        lines = [frame.f_lineno, *(node.lineno for node in chain)]
        if any(s.in_block(("no_grad", "inference_mode"), line) for line in lines):
            return ("The loss (or the predictions it comes from) was computed inside `with torch.no_grad():`, "
                    "where nothing is recorded, so backward() has no graph to follow. Keep only the update "
                    "of the parameters inside no_grad.")
        if s.detaches(chain):
            return ("The loss was built from values cut off from the graph (.detach(), .item(), .data or numpy), "
                    "so backward() cannot reach the parameters. Compute it with tensor operations on w and b.")
    return ("backward() was called on a loss that does not require grad: it does not depend on any tensor "
            "with requires_grad=True through recorded operations.")


def made_under_no_grad(error: BaseException, params, root: Path) -> tuple[str, int, str] | None:
    """When backward() found no graph: the name nearest the loss that was assigned inside a no_grad (or
    inference_mode) block, its line, and the loss's name; None when the source does not show one."""
    if "does not require grad" not in str(error):
        return None
    situation = _situation(error, root)
    target = _backward_target(situation)
    if target is None:
        return None
    for node in situation.chain(target, set(params)):
        if situation.in_block(("no_grad", "inference_mode"), node.lineno):
            return next(t.id for t in node.targets if isinstance(t, ast.Name)), node.lineno, target
    return None


def _backward_target(s: Situation) -> str | None:
    """The name backward() was called on, at the line that raised (`loss` in `loss.backward()`)."""
    if s.function is None or s.frame is None:
        return None
    for node in ast.walk(s.function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "backward" \
                and node.lineno == s.frame.f_lineno and isinstance(node.func.value, ast.Name):
            return node.func.value.id
    return None


def _shapes(s: Situation) -> str:
    match = re.search(r"\((\d+)x(\d+) and (\d+)x(\d+)\)", str(s.error))
    if not match:
        return "Shapes do not line up for `@`."
    a, b, c, d = match.groups()
    return (f"Shapes do not line up for `@`: ({a}, {b}) @ ({c}, {d}). The inner sizes must match ({b} and {c}). "
            "Which of w's dimensions counts the inputs, and which operation swaps a matrix's two dimensions?")


def _int_tensor(s: Situation) -> str:
    args, kwargs = loader.LAST_ARGS
    given = [a for a in (*args, *kwargs.values()) if isinstance(a, torch.Tensor) and not a.is_floating_point()]
    if given:
        return ("An integer tensor met the float32 weights: the input you were given holds whole numbers (int64), "
                "as `torch.tensor([[75, 63, 44]])` makes. Convert it to float32 before the product.")
    return ("An integer tensor met the float32 weights: a tensor built from whole numbers is int64. "
            "Make it float32 (write 75. instead of 75, or pass dtype=torch.float32).")


def _double_tensor(s: Situation) -> str:
    args, kwargs = loader.LAST_ARGS
    if any(isinstance(a, torch.Tensor) and a.dtype == torch.float64 for a in (*args, *kwargs.values())):
        return ("A float64 tensor met the float32 weights: the input you were given is float64 (as a numpy array "
                "of decimals becomes). Convert it to float32 before the product.")
    return ("Mixing float64 and float32: a numpy array of decimals becomes a float64 tensor. "
            "Make it float32 (`.float()`, or dtype=torch.float32) before it meets the model's weights.")


def _none_grads(s: Situation) -> list[str]:
    """The `X.grad` expressions on the line that raised whose value is None in the learner's frame."""
    if s.frame is None or s.function is None:
        return []
    found = []
    for node in ast.walk(s.function):
        if isinstance(node, ast.Attribute) and node.attr == "grad" and node.lineno <= s.frame.f_lineno <= node.end_lineno:
            value, path = None, node.value
            names = []
            while isinstance(path, ast.Attribute):
                names.insert(0, path.attr)
                path = path.value
            if isinstance(path, ast.Name) and path.id in s.frame.f_locals:
                value = s.frame.f_locals[path.id]
                for name in names:
                    value = getattr(value, name, None)
                if isinstance(value, torch.Tensor) and value.grad is None:
                    found.append(ast.unparse(node))
    return list(dict.fromkeys(found))


def _calls_backward(s: Situation) -> bool:
    """True when the learner's file calls backward() anywhere (in a helper too), so we cannot say it never did."""
    try:
        tree = ast.parse("".join(linecache.getlines(s.frame.f_code.co_filename)))
    except (SyntaxError, ValueError):
        return True
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "backward"
               for n in ast.walk(tree))


def _grad_is_none(s: Situation) -> str | None:
    """A `.grad` that is None was used (`w.grad * lr`, `w.grad.zero_()`): why is it None?"""
    rebound = _rebound(s)
    if rebound:
        return (f"`{rebound}.grad` is None because `{rebound}` is no longer the tensor you were given: `{rebound} = "
                f"{rebound} - ...` made a new tensor, whose .grad is empty. Change the parameter in place "
                f"(`{rebound} -= ...`) inside `with torch.no_grad():`.")
    grads = _none_grads(s)
    if grads and s.function is not None and not _calls_backward(s):
        return (f"`{grads[0]}` is None because backward() was never called: your file has no `.backward()`, so nothing "
                f"has computed the gradients. Call `loss.backward()` on each loss before the update reads `{grads[0]}`.")
    if grads or "zero_" in str(s.error):
        return ("`.grad` is None here: no backward() has filled it yet (or zero_grad() set it to None). "
                "Code that resets gradients must allow for that: skip a gradient that is None, or set `.grad = None`.")
    return None


def _innermost(error: BaseException):
    """The traceback entry where the error was raised (the last frame), or None."""
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb


def _stub_raises(name: str) -> frozenset[tuple[str, str]]:
    """(function, statement) for each `raise` of the shipped stub katas/<name>, as ast.unparse writes it."""
    try:
        version = shipped.SHIPPED.stat()
    except OSError:
        return frozenset()
    return _stub_raises_in(name, version.st_mtime_ns, version.st_size)


@functools.lru_cache(maxsize=64)
def _stub_raises_in(name: str, *version) -> frozenset[tuple[str, str]]:  # once per shipped.json's version
    source = shipped.stub(name)
    if source is None:
        return frozenset()
    found = set()
    for fn in ast.walk(ast.parse(source.removeprefix("\ufeff"))):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found |= {(fn.name, ast.unparse(node)) for node in ast.walk(fn) if isinstance(node, ast.Raise)}
    return frozenset(found)


@functools.lru_cache(maxsize=64)
def _raises(path: str, *version) -> tuple[tuple[int, int, str], ...]:  # once per version of the kata's file
    """(first line, last line, statement) of every `raise` in the file, as ast.unparse writes it."""
    tree = ast.parse(files.decode(Path(path).read_bytes(), Path(path).name))
    return tuple((node.lineno, node.end_lineno or node.lineno, ast.unparse(node)) for node in ast.walk(tree)
                 if isinstance(node, ast.Raise))


def stub_raised(error: BaseException, kata_file: Path) -> bool:
    """True when the error came from the shipped stub's own `raise NotImplementedError(...)`: the raising frame
    is in the kata's file, inside a function of the stub, at a raise statement the stub has in that function.
    Compared by the statement's text, not its line, so lines a learner adds above it change nothing; any other
    NotImplementedError (torch's, or one the learner wrote) is a failure, explained by `_not_implemented`."""
    tb = _innermost(error)
    if tb is None:
        return False
    code = tb.tb_frame.f_code
    try:
        path = kata_file if code.co_filename == str(kata_file) else kata_file.resolve()
        if path is not kata_file and Path(code.co_filename).resolve() != path:
            return False
        version = path.stat()
        raises = _raises(str(path), version.st_mtime_ns, version.st_size, version.st_ino)
    except (OSError, ValueError, SyntaxError):  # the file changed since it was loaded: not the stub as shipped
        return False
    here = [text for first, last, text in raises if first <= tb.tb_lineno <= last]
    stub = _stub_raises(kata_file.name)
    if not stub:  # no record of the shipped stub (a checkout without katakit/shipped.json): any raise of it
        return any(text.startswith("raise NotImplementedError") for text in here)
    return any((code.co_name, text) in stub for text in here)


def _own_methods(obj, base: type) -> list[str]:
    """The methods obj's class defines beyond `base` (nn.Module, Dataset), in definition order."""
    names = []
    for cls in type(obj).__mro__:
        if cls is base or cls in base.__mro__ or cls.__module__.startswith("torch."):
            continue
        names += [n for n, v in vars(cls).items() if callable(v) and n not in names]
    return names


def _missing_method(kind: str, obj, base: type, method: str) -> str:
    """"nn.Module subclass Model has no forward (is it misspelt? you defined `foward`)", and a nudge."""
    methods = _own_methods(obj, base)
    close = difflib.get_close_matches(method, [m for m in methods if m != "__init__"], n=1, cutoff=0.6)
    if close:
        why = f" (is it misspelt? you defined `{close[0]}`)"
    else:
        why = f" (it defines {', '.join(f'`{m}`' for m in methods)})" if methods else ""
    return f"{kind} subclass {type(obj).__name__} has no {method}{why}, so PyTorch raised NotImplementedError. "


def _not_implemented(s: Situation) -> str:
    """NotImplementedError that is not the stub's own line: say what raised it."""
    tb = _innermost(s.error)
    frame = tb.tb_frame if tb is not None else None
    me = frame.f_locals.get("self") if frame is not None else None
    name = frame.f_code.co_name if frame is not None else ""
    if isinstance(me, torch.nn.Module) and name == "_forward_unimplemented":
        return (_missing_method("nn.Module", me, torch.nn.Module, "forward")
                + "Calling model(x) runs model.forward(x): name the method exactly `def forward(self, x):`.")
    if isinstance(me, torch.utils.data.Dataset) and name == "__getitem__":
        return (_missing_method("Dataset", me, torch.utils.data.Dataset, "__getitem__")
                + "ds[i] and a DataLoader call ds.__getitem__(i): define `def __getitem__(self, i):`.")
    base = next((c for c in type(me).__mro__ if c.__module__.startswith("torch")
                 and any(getattr(v, "__code__", None) is frame.f_code for v in vars(c).values())), None)
    if base is not None and not type(me).__module__.startswith("torch"):  # a learner's subclass of another base
        return (_missing_method(base.__name__, me, base, name)
                + f"PyTorch calls `{name}` on it: define `def {name}(self, ...):` in {type(me).__name__}.")
    line = (linecache.getline(frame.f_code.co_filename, tb.tb_lineno).strip() if frame is not None else "")
    where = Path(frame.f_code.co_filename) if frame is not None else None
    if where is not None and where.parent.name == "katas" and stub_raised(s.error, where):
        return (f"This kata calls `{name}` from katas/{where.name}, which is still the stub there. Write that kata "
                "first, or write the code in this one.")
    if s.frame is not None and frame is s.frame and line.startswith("raise"):
        return ("Your own code raised NotImplementedError here. Only the shipped stub's own TODO line means \"not "
                "started\", so this counts as a failure. What should this code do instead?")
    return ("PyTorch does not implement this operation for the tensors it was given (NotImplementedError, raised "
            "inside torch, not the stub's TODO line). Is a tensor on an unusual device (such as 'meta') or of an "
            "unusual dtype?")


# pattern of PyTorch's (or Python's) error text -> an explanation, or a function of the situation that gives one
KNOWN_ERRORS = [
    (r"^NotImplementedError", _not_implemented),
    (r"^MemoryError|can't allocate memory|not enough memory",
     "Out of memory: your code asked for far more memory than these small tensors need. "
     "Is a tensor or a list growing in a loop?"),
    (r"I/O operation on closed file",
     "Your code closed sys.stdout or sys.stderr (or another stream the checks use). Leave them open."),
    (r"a leaf Variable that requires grad is being used in an in-place operation",
     "In-place update without torch.no_grad(): PyTorch refuses to change a parameter in place "
     "while it records the graph. Do the update inside `with torch.no_grad():`."),
    (r"'NoneType' object has no attribute 'zero_'|unsupported operand type\(s\) for \S{1,3}: (?:'NoneType' and|'[\w.]{1,60}' and 'NoneType')", _grad_is_none),
    (r"Trying to backward through the graph a second time",
     "Calling backward() twice on one graph: the graph is freed after the first backward(). "
     "Compute the predictions and the loss again before each backward()."),
    (r"mat1 and mat2 shapes cannot be multiplied", _shapes),
    (r"same dtype, but got:? (Double and Float|double != float|Float and Double|float != double)", _double_tensor),
    (r"same dtype, but got:? (Long and Float|long int != float|Float and Long|float != long int)", _int_tensor),
    (r"Can't call numpy\(\) on Tensor that requires grad",
     "Calling .numpy() on a tensor that is part of the graph: detach it first, or compute it under "
     "torch.no_grad()."),
    (r"grad can be implicitly created only for scalar outputs",
     "Calling backward() on a non-scalar: the loss must be one number for the whole batch. "
     "Which operation turns the squared errors into one number?"),
    (r"element 0 of tensors does not require grad and does not have a grad_fn", _without_grad),
    (r"'type' object does not support the context manager protocol|object does not support the context manager",
     "`with torch.no_grad:` without parentheses: no_grad must be called, `with torch.no_grad():`."),
]


def explain(error: BaseException, situation: Situation | None = None) -> str | None:
    """The name and nudge for a known mistake, or None."""
    text = f"{type(error).__name__}: {error}"
    for pattern, explanation in KNOWN_ERRORS:
        if re.search(pattern, text):
            if callable(explanation):
                return explanation(situation or Situation(error, None, None))
            return explanation
    return None


_KATA_CALL = loader._recorded(lambda: None, "").__code__  # the frame of every call of a kata's function


def _entries(error: BaseException):
    tb = error.__traceback__
    while tb is not None:
        yield tb
        tb = tb.tb_next


def explain_crash(error: BaseException, root: Path) -> Failure:
    """A learner's function raised: what was called, where it broke, and the known mistake if any.
    The cause is the exception and the line it came from: the same crash in many checks is one mistake."""
    situation = _situation(error, root)
    where, place = "", ""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        path = Path(frame.filename)
        if path.is_relative_to(root) and path.relative_to(root).parts[0] in LEARNER_FOLDERS:
            place = f"{path.relative_to(root).as_posix()}:{frame.lineno}"
            where = f"\n  at {path.relative_to(root).as_posix()}, line {frame.lineno}: {frame.line}"
            break
    in_call = any(tb.tb_frame.f_code is _KATA_CALL for tb in _entries(error))
    if not place and not in_call:  # no kata function was running: the check broke on a value it was given
        what = f"what {loader.LAST_CALL[0]} returned" if loader.LAST_CALL[0] != NO_CALL else "your kata"
        return Failure(f"{CHECK_BROKE} on {what} ({type(error).__name__}: {error}). That is a gap in the check, "
                       "not a verdict on your code: read the other messages, and please report this one.",
                       cause=f"the check broke: {type(error).__name__}")
    known = explain(error, situation)
    lead = f"{known}\n" if known else ""
    called = f"Called {loader.LAST_CALL[0]} -> it raised" if loader.LAST_CALL[0] != NO_CALL else "Checking it raised"
    return Failure(f"{lead}{called} {type(error).__name__}: {error}{where}",
                   cause=f"{type(error).__name__} at {place or str(error)}")
