"""Load one kata file as a module, without touching sys.modules, and explain why when it cannot be loaded."""

from __future__ import annotations

import functools
import importlib.util
import traceback
from pathlib import Path
from types import ModuleType

from katakit import describe


class KataLoadError(Exception):
    """The kata file could not be imported; the message says where and why, in plain words."""


class MissingFunction(AttributeError):
    pass


def load_module(path: Path, name: str | None = None) -> ModuleType:
    """Execute the file at `path` as a fresh module (re-read on every call)."""
    if not path.is_file():
        raise KataLoadError(f"{path} does not exist. Did you rename or delete it? `katas reset` restores the stub.")
    spec = importlib.util.spec_from_file_location(name or f"kata_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as err:
        raise KataLoadError(
            f"{path}, line {err.lineno}: Python cannot read this file (SyntaxError: {err.msg}). "
            "Check brackets, colons and indentation on that line or the one above."
        ) from None
    except BaseException as err:  # anything the learner's module does at import time
        line = _line_in(path, err)
        raise KataLoadError(
            f"{path}{line}: importing the file raised {type(err).__name__}: {err}. "
            "Code at the top level of a kata runs on import; keep work inside the functions."
        ) from None
    return module


def _line_in(path: Path, err: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(err.__traceback__) if Path(f.filename) == path]
    return f", line {frames[-1].lineno}" if frames else ""


LAST_CALL = ["(no call yet)"]  # what the test last asked of the kata, for failure messages


def _recorded(fn, name):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        LAST_CALL[0] = describe.call(name, args, kwargs)
        return fn(*args, **kwargs)

    return wrapper


class Kata:
    """A loaded kata module; asking for a function it does not define fails with a teaching message."""

    def __init__(self, module: ModuleType, path: Path):
        self._module = module
        self._path = path

    def __getattr__(self, name: str):
        try:
            value = getattr(self._module, name)
        except AttributeError:
            raise MissingFunction(
                f"MISSING FUNCTION --> {self._path} defines no `{name}`. "
                "Did you misname it or forget to define it?"
            ) from None
        return _recorded(value, name) if callable(value) else value

    @property
    def module(self) -> ModuleType:
        return self._module


def load_kata(root: Path, impl: str, name: str, mutant: Path | None = None) -> Kata:
    """Load `<root>/<impl>/<name>.py`; with a mutant, the reference with the mutant's functions laid over it."""
    if mutant is None:
        path = root / impl / f"{name}.py"
        return Kata(load_module(path), path.relative_to(root))
    mutant = mutant.resolve()
    module = load_module(root / "reference" / f"{name}.py")
    for attr, value in vars(load_module(mutant)).items():
        if callable(value) and getattr(value, "__module__", None) == f"kata_{mutant.stem}":
            setattr(module, attr, value)  # later calls inside the reference see the wrong version too
    return Kata(module, mutant.relative_to(root))
