"""Load one kata file as a module, without touching sys.modules, and explain why when it cannot be loaded."""

from __future__ import annotations

import ast
import collections
import functools
import traceback
from pathlib import Path
from types import ModuleType

import numpy
import torch

from katakit import describe, files, frontend
from katakit import sabotage as _sabotage


class KataLoadError(Exception):
    """The kata file could not be imported; the message says where and why, in plain words."""


class MissingFunction(AttributeError):
    pass


class InputChanged(AssertionError):
    cause = "changed its input in place"


def _shown(path: Path) -> str:
    """The path as the learner knows it: relative to the working directory (the repository) when it can be."""
    return (path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path).as_posix()


def decode(raw: bytes, path: Path) -> str:
    """The file's text; a byte that is not UTF-8 is named by its line and column."""
    try:
        return files.decode(raw, _shown(path))
    except files.BadBytes as err:
        raise KataLoadError(str(err)) from None


def load_module(path: Path, name: str | None = None) -> ModuleType:
    """Execute the file at `path` as a fresh module, compiled from its current source every time
    (no bytecode cache: a save within the same second is never missed)."""
    if not path.is_file():
        raise KataLoadError(f"{_shown(path)} does not exist. Did you rename or delete it? "
                             f"`{frontend.katas('reset')}` restores the stub.")
    source = decode(path.read_bytes(), path)
    module = ModuleType(name or f"kata_{path.stem}")
    module.__file__ = str(path)
    try:
        code = compile(source, str(path), "exec", dont_inherit=True)
    except SyntaxError as err:
        shown = f"\n    {err.text.strip()}" if err.text and err.text.strip() else ""
        raise KataLoadError(
            f"{_shown(path)}, line {err.lineno}: Python cannot read this file (SyntaxError: {err.msg}).{shown}\n"
            "Check brackets, colons and indentation on that line or the one above."
        ) from None
    try:
        exec(code, module.__dict__)  # noqa: S102
    except BaseException as err:  # anything the learner's module does at import time
        line = _line_in(path, err)
        raise KataLoadError(
            f"{_shown(path)}{line}: importing the file raised {type(err).__name__}: {err}. "
            "Code at the top level of a kata runs on import; keep work inside the functions."
        ) from None
    return module


def _line_in(path: Path, err: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(err.__traceback__) if Path(f.filename) == path]
    return f", line {frames[-1].lineno}" if frames else ""


LAST_CALL = ["(no call yet)"]  # what the test last asked of the kata, for failure messages
LAST_ARGS: list = [(), {}]  # the arguments of that call, for diagnoses that compare them with what the kata holds


def _data_tensors(args, kwargs) -> list[torch.Tensor]:
    """Tensors passed in that are data, not parameters: a kata must never change these in place."""
    found = []
    for value in (*args, *kwargs.values()):
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, torch.Tensor) and not item.requires_grad:
                found.append(item)
    return found


class OffTheCPU(AssertionError):
    cause = "a tensor off the CPU"


def _off_the_cpu(value, depth: int = 0) -> torch.Tensor | None:
    """A tensor in the result (or in a list, tuple or dict it returned) that is not on the CPU: a 'meta' tensor
    holds no numbers, so no check could read it."""
    if isinstance(value, torch.Tensor):
        return value if value.device.type != "cpu" else None
    if depth < 3 and isinstance(value, (list, tuple, dict)):
        items = value.values() if isinstance(value, dict) else value
        return next((t for t in (_off_the_cpu(v, depth + 1) for v in list(items)[:1000]) if t is not None), None)
    return None


class NotPlain(AssertionError):
    cause = "a subclass of a value type"


# What a check compares: a subclass of one of these can redefine what comparing, reading or printing it means
# (`__eq__`, `__torch_function__`, `.item()`), so only the classes themselves are taken, in and out, and the
# subclasses torch and numpy make themselves (nn.Parameter, torch.Size, torch.max's named tuple, numpy.float64),
# known by identity, not by a name a class can claim.
VALUE_TYPES = (torch.Tensor, numpy.ndarray, bool, int, float, complex, str, list, tuple, dict)
PLAIN = {torch.Tensor, torch.nn.Parameter, torch.Size, numpy.ndarray, bool, int, float, complex, str, list, tuple, dict,
         collections.OrderedDict, collections.defaultdict, collections.Counter,
         *(v for v in vars(torch.return_types).values() if isinstance(v, type)), *numpy.sctypeDict.values()}
# What a class of one's own may define over a number or container and still compare, read and do arithmetic as
# its base does (a namedtuple defines these); any other special method (__eq__, __sub__, __float__, __getitem__)
# or item()/tolist() could lie. A tensor's subclass is never taken: __torch_function__ reaches every operation.
KEPT = {"__module__", "__qualname__", "__doc__", "__slots__", "__dict__", "__weakref__", "__init__", "__new__",
        "__annotations__", "__orig_bases__", "__match_args__", "__getnewargs__", "__firstlineno__",
        "__static_attributes__", "__repr__", "__init_subclass__", "__class_getitem__", "__parameters__"}


def _redefines(kind: type) -> bool:
    for cls in kind.__mro__:
        if cls in PLAIN or cls is object:
            return False
        if any(n.startswith("__") and n.endswith("__") and n not in KEPT or n in ("item", "tolist") for n in vars(cls)):
            return True
    return False


def _not_plain(value, depth: int = 0):
    """An object in the result (in a list, tuple or dict, a returned dataset or loader, or a module's parameters) whose
    class derives from a value type and could change what comparing or reading it means, or None."""
    kind = type(value)
    if isinstance(value, VALUE_TYPES) and kind not in PLAIN and (
            isinstance(value, (torch.Tensor, numpy.ndarray)) or _redefines(kind)):
        return value
    if isinstance(value, torch.nn.Module) and depth < 3:
        return next((t for t in (*value.parameters(), *value.buffers()) if type(t) not in PLAIN), None)
    items = None
    if isinstance(value, (list, tuple)):
        items = value
    elif isinstance(value, dict):
        items = value.values()
    elif isinstance(value, (torch.utils.data.Dataset, torch.utils.data.DataLoader)):  # what it holds (its tensors)
        items = vars(value).values()
    if depth < 3 and items is not None:
        return next((v for v in (_not_plain(v, depth + 1) for v in list(items)[:1000]) if v is not None), None)
    return None


def _classes_in(args, kwargs) -> list[tuple[object, type]]:
    """The tensors passed in (also in lists and tuples, a module's parameters, what a dataset or loader holds),
    each with its class now."""
    return [(tensor, type(tensor)) for value in (*args, *kwargs.values()) for tensor in _tensors_in(value)]


def _tensors_in(value, depth: int = 0) -> list[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, torch.nn.Module):
        return list(value.parameters())
    if depth < 3 and isinstance(value, (list, tuple)):
        return [t for item in value[:1000] for t in _tensors_in(item, depth + 1)]
    if depth < 3 and isinstance(value, (torch.utils.data.Dataset, torch.utils.data.DataLoader)):
        return [t for item in list(vars(value).values()) for t in _tensors_in(item, depth + 1)]
    return []


def _recorded(fn, name, sabotage=None):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        LAST_CALL[0] = call = describe.call(name, args, kwargs)
        LAST_ARGS[:] = [args, kwargs]
        inputs = _data_tensors(args, kwargs)
        before = [t.clone() for t in inputs]
        classes = _classes_in(args, kwargs)
        result = fn(*args, **kwargs) if sabotage is None else _sabotage.apply(sabotage, fn, args, kwargs)
        for tensor, kind in classes:
            if type(tensor) is not kind:
                raise NotPlain(f"{call} changed the class of a tensor it was given, from {kind.__name__} to "
                               f"{type(tensor).__name__}. Leave the caller's tensors as they are: compute new ones.")
        odd = _not_plain(result)
        if odd is not None:
            base = next(t.__name__ for t in VALUE_TYPES if isinstance(odd, t))
            raise NotPlain(f"{call} returned {'' if odd is result else 'something holding '}an object of class "
                           f"{type(odd).__name__}, made from {base}. The checks take plain values (tensors, floats, "
                           f"ints, lists): a class of your own can change what comparing it means. Return a plain {base}.")
        for n, (old, new) in enumerate(zip(before, inputs, strict=True), start=1):
            if old.shape != new.shape or not torch.equal(old, new):
                raise InputChanged(
                    f"{call} changed its input tensor (argument {n}, {describe.value(new)}) in place. "
                    "Work on new tensors (`a - b`, not `a -= b`) so the caller's data stays intact.")
        off = _off_the_cpu(result)
        if off is not None:
            raise OffTheCPU(f"{call} returned {describe.value(off)}" + ("" if off is result else " inside its result")
                            + "; expected tensors on the CPU, holding numbers. Was it made with device=..., or after "
                            "torch.set_default_device(...)? Leave the device alone.")
        return result

    return wrapper


class Kata:
    """A loaded kata module; asking for a function it does not define fails with a teaching message."""

    def __init__(self, module: ModuleType, path: Path, sabotage: str | None = None):
        self._module = module
        self._path = path
        self._sabotage = sabotage

    def __getattr__(self, name: str):
        try:
            value = getattr(self._module, name)
        except AttributeError:
            raise MissingFunction(
                f"MISSING FUNCTION --> {self._path.as_posix()} defines no `{name}`. "
                "Did you misname it or forget to define it?"
            ) from None
        # every function the checks call goes through the same door, whatever made it (a def, an alias of a torch
        # function, functools.partial, a loss object): classes are the only callables taken as they are
        if callable(value) and not isinstance(value, type):
            return _recorded(value, name, self._sabotage)
        return value

    @property
    def module(self) -> ModuleType:
        return self._module


def _borrowed_from_reference(module: ModuleType, path: Path, root: Path) -> str | None:
    """The name of whatever the kata takes from reference/ (an import, or a function defined there), if any."""
    reference = root / "reference"
    tree = ast.parse(path.read_bytes())
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        if any(n == "reference" or n.startswith("reference.") for n in names):
            return f"line {node.lineno}: {ast.unparse(node)}"
    for attr, value in vars(module).items():
        where = getattr(getattr(value, "__code__", None), "co_filename", None) or getattr(value, "__file__", None)
        if where and Path(where).resolve().is_relative_to(reference.resolve()):
            return f"`{attr}` comes from {Path(where).resolve().relative_to(root.resolve())}"
    return None


def load_kata(root: Path, impl: str, name: str, mutant: Path | None = None, sabotage: str | None = None) -> Kata:
    """Load `<root>/<impl>/<name>.py`; with a mutant, the reference with the mutant's functions laid over it."""
    if mutant is None:
        path = root / impl / f"{name}.py"
        module = load_module(path)
        borrowed = _borrowed_from_reference(module, path, root) if impl == "katas" else None
        if borrowed:
            raise KataLoadError(f"{path.relative_to(root).as_posix()} uses the reference solution ({borrowed}). A pass that "
                                "way is not a pass: write the function yourself.")
        return Kata(module, path.relative_to(root), sabotage)
    mutant = mutant.resolve()
    module = load_module(root / "reference" / f"{name}.py")
    for attr, value in vars(load_module(mutant)).items():
        replaced = getattr(module, attr, None)  # a kata function by name, whatever the mutant made it (a partial)
        replaces = callable(replaced) and getattr(replaced, "__module__", None) == module.__name__
        if callable(value) and (replaces or getattr(value, "__module__", None) == f"kata_{mutant.stem}"):
            value.__module__ = module.__name__  # counts as the kata's own function
            setattr(module, attr, value)  # later calls inside the reference see the wrong version too
    return Kata(module, mutant.relative_to(root))
