"""Inside a worker process: one kata's code cannot leave global state behind, reach the reference
solutions, quietly patch the checks, or leave a process running.

- `settings()`, `SHIPPED`: the process-wide settings that change what a check computes or shows (default
  dtype and device, grad, inference, anomaly, deterministic and denormal modes, autocast, matmul precision,
  function and dispatch modes, global hooks, threads, print options, resource limits, the recursion limit,
  numpy's error handling and print options), and a fresh process's values, which every worker starts from
  (a notebook kernel's own settings are no baseline).
- `GlobalState`: records them before the kata runs; `changes()` names what a kata changed (its error) and
  `restore()` puts everything back after every check, silently for what never decides a verdict: random
  states, warning filters, sys.path, the working directory, environment variables, the standard streams,
  trace functions, signal handlers and timers. (A kata's own cwd or sys.path could reach other files, but
  reading is policed by `refuse_reference`, and all of these are put back before the next check.)
- `Machinery`: every namespace of the checking machinery by identity (every module of torch, numpy, math,
  builtins, random, katakit, pytest and the tests, and every class they name with all its bases), recorded
  before the kata loads; `changes()` names each attribute added, removed or replaced since, after the kata
  loads, after every check (what decides a verdict) and after its last check (all of it).
- `refuse_reference(root)`: an audit hook that refuses to open, import or run anything under
  reference/ while kata code runs, and remembers the attempt even if the kata catches the error.
- `become_subreaper()`, `stop_descendants()`: every process a kata starts stays below its worker (Linux), and
  is killed and named when the kata's checks end.

This is self-assessment: a determined cheat can still forge a result (write into a dict with ctypes, forge
the channel's events). The aim is that no casual edit, and no whole class of patch, passes.
"""

from __future__ import annotations

import builtins
import gc
import operator
import os
import random
import signal
import sys
import types
import warnings

import torch

try:
    import resource
except ImportError:  # Windows
    resource = None

# The guard's own builtins, bound as this module's globals (looked up before builtins): a kata that replaces
# builtins.len must not blind the check that names it
globals().update({name: vars(builtins)[name] for name in (
    "all", "dict", "getattr", "hasattr", "id", "int", "isinstance", "len", "list", "map", "open", "range", "set",
    "sorted", "str", "tuple", "type", "zip")})

_is = operator.is_
MACHINERY_PREFIXES = ("katakit", "pytest", "_pytest", "pytest_check", "pluggy", "conftest", "test_q", "torch", "numpy")
MACHINERY_MODULES = ("math", "random", "builtins", "operator", "functools", "itertools", "copy", "contextlib",
                     "inspect", "re", "json", "collections", "types", "warnings", "traceback", "ast", "time", "io")
# Compared after the kata loads and after every check, not only after the kata's last check: what decides a
# verdict (the checks, pytest-check, the test module, torch.Tensor with its bases, torch.nn.functional). The
# rest is compared once per kata: each full comparison costs milliseconds, a per-check one a tenth of that.
HOT_MODULES = ("torch.nn.functional",)
HOT_PREFIXES = ("katakit", "pytest_check", "conftest", "test_q")
# The classes the checks rely on: those these modules name, with all their bases (torch.Tensor and
# torch._C.TensorBase, every nn.Module, the optimizers, the data classes, numpy.ndarray, pytest's own, ...).
# A class only another torch module names (torch.fx, torch.distributed) is no part of a check.
CLASS_SOURCES = ("torch", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.optim", "torch.utils.data",
                 "torch.autograd", "numpy", "builtins", "math", "random")
CLASS_PREFIXES = ("katakit", "pytest", "_pytest", "pytest_check", "pluggy", "conftest", "test_q")
SIGNALS = [getattr(signal, name) for name in ("SIGALRM", "SIGTERM", "SIGINT", "SIGUSR1", "SIGUSR2", "SIGVTALRM",
                                              "SIGPROF", "SIGCHLD", "SIGPIPE", "SIGHUP") if hasattr(signal, name)]
TIMERS = [getattr(signal, name) for name in ("ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF") if hasattr(signal, name)]
RLIMITS = {name: getattr(resource, name) for name in sorted(dir(resource))
           if name.startswith("RLIMIT_") and name != "RLIMIT_OFILE"} if resource else {}
# the global hooks of every nn.Module and optimizer (dicts a kata could add to without replacing anything)
_HOOKS = [(module, name) for module in (torch.nn.modules.module, sys.modules["torch.optim.optimizer"])
          for name, value in sorted(vars(module).items()) if name.startswith("_global_") and isinstance(value, dict)]
_RLIMIT_NAMES = [(f"the resource limit {name}", which) for name, which in RLIMITS.items()]
_DENORMAL, _HALF = 1e-310, 0.5  # their product is a denormal, unless denormals are flushed to zero


def _flushes_denormals() -> bool:
    # torch.set_flush_denormal sets the CPU's flush-to-zero flags for this thread, which Python's own float
    # arithmetic obeys too: no torch call, so no mode or patch a kata installed can change the answer
    return _DENORMAL * _HALF == 0.0


def _print_options() -> tuple:
    return tuple(sorted(vars(torch._tensor_str.PRINT_OPTS).items()))


FRESH_PRINT_OPTIONS = (("edgeitems", 3), ("linewidth", 80), ("precision", 4), ("sci_mode", None),
                       ("threshold", 1000))


def settings() -> dict[str, object]:
    """The process-wide settings that change what a check computes or shows, by the words a message uses."""
    found = {
        "the default dtype": torch.get_default_dtype(),
        "the default device": str(torch.get_default_device()),
        "grad mode": torch.is_grad_enabled(),
        "inference mode": torch.is_inference_mode_enabled(),
        "anomaly detection": (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()),
        "deterministic algorithms": (torch.are_deterministic_algorithms_enabled(),
                                     torch.is_deterministic_algorithms_warn_only_enabled()),
        "denormal flushing": _flushes_denormals(),
        "autocast on the CPU": torch.is_autocast_enabled("cpu"),
        "float32 matmul precision": torch.get_float32_matmul_precision(),
        "torch function modes": torch._C._len_torch_function_stack(),
        "torch dispatch modes": torch._C._len_torch_dispatch_stack(),
        "global module hooks": tuple(len(vars(module).get(name, ())) for module, name in _HOOKS),
        "the number of threads": torch.get_num_threads(),
        "the number of interop threads": torch.get_num_interop_threads(),
        "torch's print options": _print_options(),
        "the recursion limit": sys.getrecursionlimit(),
        "the largest integer str() prints": sys.get_int_max_str_digits(),
        "torch's operator kernels": _kernels(),
        "saved-tensor hooks": _saved_tensor_hooks() is not None,
    }
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        found["numpy's error handling"] = tuple(sorted(numpy.geterr().items()))
        found["numpy's print options"] = tuple(sorted((k, repr(v)) for k, v in numpy.get_printoptions().items()))
    for name, which in _RLIMIT_NAMES:
        found[name] = resource.getrlimit(which)
    return found


_KERNELS = [-1, 0]  # the number of kernels torch.library holds, and how many of them are not for the meta device


def _kernels() -> int:
    """The kernels registered through torch.library (`Library("aten", "IMPL").impl("allclose", ..., "CPU")` makes
    torch.allclose answer what a kata likes), not counting meta-device ones, which torch adds as it goes. Counted
    again only when the registry's size changed: it holds ~1800."""
    impls = getattr(torch.library, "_impls", ())
    if len(impls) != _KERNELS[0]:
        _KERNELS[:] = [len(impls), sum(not key.endswith("/Meta") for key in impls)]
    return _KERNELS[1]


def _saved_tensor_hooks():
    top = getattr(torch._C._autograd, "_top_saved_tensors_default_hooks", None)
    return top(False) if top is not None else None


def _pop_saved_tensor_hooks() -> None:
    while _saved_tensor_hooks() is not None:
        torch._C._autograd._pop_saved_tensors_default_hooks()


# The settings every check starts from, wherever the worker was started (a notebook kernel's own settings are
# not a baseline): what a fresh `python -c "import torch"` has. Threads are the worker's own (one).
SHIPPED = {"the default dtype": torch.float32, "the default device": "cpu", "grad mode": True,
           "inference mode": False, "anomaly detection": (False, True), "deterministic algorithms": (False, False),
           "denormal flushing": False, "autocast on the CPU": False, "float32 matmul precision": "highest",
           "torch's print options": FRESH_PRINT_OPTIONS}


def _shown(value) -> str:
    if isinstance(value, torch.dtype):
        return str(value).removeprefix("torch.")
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def differences_from_shipped() -> list[str]:
    """What this process's torch settings differ in from a fresh process's, in words: ["default dtype is
    float64"]. (Grad mode is per thread: this is the calling thread's.)"""
    now = settings()
    return [f"{name.removeprefix('the ')} {_shown_difference(now[name])}" for name, value in SHIPPED.items()
            if now[name] != value]


def _shown_difference(value) -> str:
    """"is float64", or for a setting made of many values (print options) "differ from a fresh process's"."""
    return "differ from a fresh process's" if isinstance(value, (tuple, list, dict)) else f"is {_shown(value)}"


def apply_shipped() -> None:
    """Put torch's settings back to a fresh process's (in a worker forked from a kernel that changed them)."""
    torch.set_default_dtype(torch.float32)
    torch.set_default_device(None)
    torch.set_grad_enabled(True)
    torch.set_anomaly_enabled(False, True)
    if torch.are_deterministic_algorithms_enabled() or torch.is_deterministic_algorithms_warn_only_enabled():
        torch.use_deterministic_algorithms(False)
    torch.set_flush_denormal(False)
    torch.set_autocast_enabled("cpu", False)
    torch.set_float32_matmul_precision("highest")
    _set_print_options(dict(FRESH_PRINT_OPTIONS))


def _set_print_options(options: dict) -> None:
    torch.set_printoptions(**{k: v for k, v in options.items() if k != "sci_mode"})
    torch._tensor_str.PRINT_OPTS.sci_mode = options.get("sci_mode")


class GlobalState:
    """Process-wide settings a kata could change; `changes()` names what differs from what `__init__` saw and
    `restore()` puts it back. Settings (`settings()`) that differ are the kata's error; the rest (random
    states, warning filters, sys.path, the working directory, environment variables, the standard streams,
    trace functions, signal handlers, timers) only decide where and how, never what a check computes, and
    are put back silently."""

    def __init__(self):
        self.settings = settings()
        self.rng = (torch.random.get_rng_state(), random.getstate())
        self.filters = list(warnings.filters)
        self.path, self.cwd, self.environ = list(sys.path), os.getcwd(), dict(os.environ)
        self.environ_raw = _raw_environ()
        self.streams = (sys.stdin, sys.stdout, sys.stderr)
        self.signals = {sig: signal.getsignal(sig) for sig in SIGNALS}

    def changes(self) -> list[str]:
        """The settings changed since `__init__`, in words: ["changed the default device from cpu to meta"]."""
        now = settings()
        return [] if now == self.settings else [
            f"changed {name} from {_shown(before)} to {_shown(now.get(name))}"
            for name, before in self.settings.items() if now.get(name) != before]

    def restore(self, changed: bool = True) -> None:
        """Put everything back; `changed=False` (no setting changed, as `changes()` just said) skips the settings."""
        if changed:
            before, now = self.settings, settings()
            for name, value in before.items():
                if now.get(name) != value:
                    try:
                        self._put_back(name, value)
                    except Exception:  # noqa: S110 - some cannot be put back (interop threads): the worker retires
                        pass
        self._restore_quiet()

    @staticmethod
    def _put_back(name: str, value) -> None:
        if name.startswith("the resource limit "):
            resource.setrlimit(RLIMITS[name.removeprefix("the resource limit ")], value)
            return
        numpy = sys.modules.get("numpy")
        setters = {
            "the default dtype": lambda: torch.set_default_dtype(value),
            "the default device": lambda: torch.set_default_device(None if value == "cpu" else value),
            "grad mode": lambda: torch.set_grad_enabled(value),
            "anomaly detection": lambda: torch.set_anomaly_enabled(*value),
            "deterministic algorithms": lambda: torch.use_deterministic_algorithms(value[0], warn_only=value[1]),
            "denormal flushing": lambda: torch.set_flush_denormal(value),
            "autocast on the CPU": lambda: torch.set_autocast_enabled("cpu", value),
            "float32 matmul precision": lambda: torch.set_float32_matmul_precision(value),
            "torch function modes": lambda: [torch._C._pop_torch_function_stack()
                                             for _ in range(torch._C._len_torch_function_stack() - value)],
            "torch dispatch modes": lambda: [torch._C._pop_torch_dispatch_stack()
                                             for _ in range(torch._C._len_torch_dispatch_stack() - value)],
            "the number of threads": lambda: torch.set_num_threads(value),
            "torch's print options": lambda: _set_print_options(dict(value)),
            "the recursion limit": lambda: sys.setrecursionlimit(value),
            "the largest integer str() prints": lambda: sys.set_int_max_str_digits(value),
            "saved-tensor hooks": _pop_saved_tensor_hooks,
            "numpy's error handling": lambda: numpy.seterr(**dict(value)),
        }
        if name in setters:
            setters[name]()

    def _restore_quiet(self) -> None:
        torch.random.set_rng_state(self.rng[0])
        random.setstate(self.rng[1])
        warnings.filters[:] = self.filters
        sys.path[:] = self.path
        if os.getcwd() != self.cwd:
            os.chdir(self.cwd)
        raw = _raw_environ()
        if raw is None or raw != self.environ_raw:
            os.environ.clear()
            os.environ.update(self.environ)
        sys.stdin, sys.stdout, sys.stderr = self.streams
        sys.settrace(None)
        sys.setprofile(None)
        for sig, handler in self.signals.items():
            if signal.getsignal(sig) is not handler and handler is not None:
                signal.signal(sig, handler)
        for timer in TIMERS:  # an alarm set by one kata must not go off in the next
            signal.setitimer(timer, 0)


def _raw_environ() -> dict | None:
    """A copy of the environment as the OS holds it (os.environ's own store: a tenth of the cost of decoding it
    into a dict), or None where os.environ has no such store."""
    raw = getattr(os.environ, "_data", None)
    return dict(raw) if type(raw) is dict else None


def broken_process(config) -> str | None:
    """What a kata broke that cannot be put back in this process (closed streams or file descriptors, pytest's
    output capture), or None. A worker that finds something retires; a fresh one takes the next kata."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            return f"file descriptor {fd} was closed"
    for name in ("stdin", "stdout", "stderr"):
        stream = getattr(sys, name, None)
        if stream is None or getattr(stream, "closed", False):
            return f"sys.{name} was closed or removed"
    capture = config.pluginmanager.getplugin("capturemanager")
    capturing = getattr(capture, "_global_capturing", None)
    for part in ("in_", "out", "err"):
        tmpfile = getattr(getattr(capturing, part, None), "tmpfile", None)
        if tmpfile is not None and getattr(tmpfile, "closed", False):
            return "pytest's output capture was closed"
    return None


REFERENCE_READS: list[str] = []  # what kata code tried to read from reference/, in this worker


def refuse_reference(root) -> None:
    """From now on in this process, opening, importing or running anything under reference/ is refused."""
    folder = os.path.realpath(os.path.join(root, "reference"))

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            target = args[0]
        elif event == "import":
            target = args[0] if args[0] == "reference" or str(args[0]).startswith("reference.") else None
            target = target and os.path.join(folder, "__init__.py")
        elif event in ("subprocess.Popen", "os.system", "os.posix_spawn", "os.exec"):
            target = folder if "reference" in repr(args) else None
        else:
            return
        if not isinstance(target, (str, bytes, os.PathLike)):
            return
        path = os.path.realpath(os.fsdecode(target))
        if path == folder or path.startswith(folder + os.sep):
            shown = os.path.relpath(path, os.path.dirname(folder)).replace(os.sep, "/")
            if "__pycache__" in shown:  # a compiled copy: name the source the learner knows
                shown = "reference/" + os.path.basename(path).split(".")[0] + ".py"
            REFERENCE_READS.append(shown)
            raise PermissionError(f"reading {shown} is refused while your kata runs: write it yourself")

    sys.addaudithook(hook)


def _is_machinery(name: str, module) -> bool:
    return isinstance(module, types.ModuleType) and (name.startswith(MACHINERY_PREFIXES) or name in MACHINERY_MODULES)


class Machinery:
    """Every namespace of the checking machinery, by identity: the modules of torch, numpy, math, builtins,
    random, katakit, pytest and the tests, and every class reachable from them with its bases (torch.Tensor,
    torch._C.TensorBase, nn.Module and its subclasses, the optimizers, the data classes, numpy.ndarray, ...).
    Recorded before any kata code runs; `changes()` names every attribute added, removed or replaced since,
    compared by identity (an object that claims to equal the original is still another object)."""

    def __init__(self):
        _prewarm()
        self.modules: dict[str, types.ModuleType] = {}
        # [shown name, live namespace, a view of its dict's version tag, the tag, its keys, its values]
        self.recorded: list[list] = []
        self.hot: list[list] = []
        self.seen: set[int] = set()  # the classes recorded, by id
        self.hot_names: set[str] = set()
        self.by_id: dict[int, list] = {}  # the entries, by the id of their namespace
        self._record_modules()

    def rebase(self) -> None:
        """Take what changed since the record as the new record (no kata code has run yet: collecting in a
        forked worker imports the test modules and fills caches), and record the modules imported since."""
        for entry in self.recorded:
            if not _same(entry):
                entry[2:] = _state(entry[1])
        self._record_modules()

    def accept(self, namespace) -> None:
        """Take one namespace as it is now as its record (a worker's own change, before any kata code runs)."""
        entry = self.by_id.get(id(namespace))
        if entry is not None:
            entry[2:] = _state(namespace)

    def _record_modules(self) -> None:
        hot_classes = {*map(id, torch.Tensor.__mro__), id(getattr(sys.modules.get("numpy"), "ndarray", None))}
        classes: dict[int, tuple[str, type, bool]] = {}  # the classes the checks rely on, named where found
        for name, module in list(sys.modules.items()):
            if name in self.modules or not _is_machinery(name, module):
                continue
            self.modules[name] = module
            self._record(name, vars(module), name in HOT_MODULES or name.startswith(HOT_PREFIXES))
            if not (name in CLASS_SOURCES or name.startswith(CLASS_PREFIXES)):
                continue
            hot = name.startswith(HOT_PREFIXES)
            for attr, value in list(vars(module).items()):
                if isinstance(value, type) and id(value) not in self.seen:
                    shown = f"{name}.{attr}"  # the shortest name it has: torch.Tensor, not torch._tensor.Tensor
                    known = classes.get(id(value))
                    classes[id(value)] = (shown if known is None or len(shown) < len(known[0]) else known[0], value,
                                          hot or id(value) in hot_classes or (known is not None and known[2]))
        for _, cls, hot in list(classes.values()):  # their bases too, even where no module names them
            for base in cls.__mro__[1:]:
                if id(base) not in self.seen and id(base) not in classes:
                    classes[id(base)] = (f"{base.__module__}.{base.__qualname__}", base, hot or id(base) in hot_classes)
        for shown, cls, hot in classes.values():
            self.seen.add(id(cls))
            if type(cls).__name__ != "tensortype":  # torch.FloatTensor and 37 more legacy aliases: a third of
                self._record(shown, vars(cls), hot)  # the work, and no check uses them

    def _record(self, name: str, namespace, hot: bool) -> None:
        entry = [name, namespace, *_state(namespace)]
        self.recorded.append(entry)
        self.by_id[id(namespace)] = entry
        if hot:
            self.hot.append(entry)

    def changes(self, hot_only: bool = False) -> list[str]:
        """What was added, removed or replaced, in words: ["replaced torch.Tensor.item", "added torch.Tensor.to"].
        `hot_only`: only what decides a verdict (cheap enough for after every check)."""
        found = []
        for entry in self.hot if hot_only else self.recorded:
            if not _same(entry):
                differences = _differences(entry[0], entry[1], entry[4], entry[5])
                if not differences and entry[2] is not None:  # a lazy addition by torch: the record moves on
                    entry[3] = entry[2].value
                found += differences
        if not hot_only:
            found += [f"replaced sys.modules['{name}']" for name, module in self.modules.items()
                      if sys.modules.get(name, module) is not module]
        return found


    def patched(self) -> list[str]:
        """What a notebook kernel's cells changed of what decides a verdict, in words: the namespaces compared
        after every check, and torch's and numpy's top level (`torch.allclose`). Not the kernel's own doings:
        IPython replaces builtins.input for each cell, warnings.filters is rebound by catch_warnings, and
        torch rebinds a class alias of its own when a setting changes (torch.Storage follows the default
        dtype; workers start from the defaults)."""
        found = []
        for entry in self.hot + [e for e in self.recorded if e[0] in KERNEL_MODULES]:
            if _same(entry):
                continue
            name, namespace, _, _, keys, values = entry
            before = dict(zip(keys, values, strict=True))
            aliases = {key for key, value in before.items() if key in namespace and _torch_class(value)
                       and _torch_class(namespace[key])}
            found += [d for d in _differences(name, namespace, keys, values) if d.rsplit(".", 1)[-1] not in aliases]
        return found


KERNEL_MODULES = ("torch", "numpy")


def _torch_class(value) -> bool:
    """A class of torch's own: its module, which is torch's, names it (a class that only claims torch's module
    name is not found there)."""
    module = sys.modules.get(getattr(value, "__module__", None) or "")
    return (isinstance(value, type) and value.__module__.startswith("torch")
            and getattr(module, value.__name__, None) is value)


class Watcher:
    """Records, in words (`seen`), what replaces a machinery function's code or defaults (`F.mse_loss.__code__ =
    ...`) or a machinery module's or class's __class__ or __bases__ while `on`: such a write changes no
    namespace, but Python audits it. So is an audit hook the kata adds, which would stay for every later check.
    The audit hook stays for the life of the process."""

    def __init__(self, machinery: Machinery):
        self.on, self.seen = False, []
        modules = {id(module) for module in machinery.modules.values()}

        def hook(event: str, args: tuple) -> None:
            if event == "sys.addaudithook" and self.on:
                self.seen.append("added an audit hook (sys.addaudithook)")
                return
            if event != "object.__setattr__" or not self.on:
                return
            target, name = args[0], args[1]
            if name in ("__code__", "__defaults__", "__kwdefaults__") and isinstance(target, types.FunctionType):
                module = getattr(target, "__module__", None) or ""
                if module.startswith(MACHINERY_PREFIXES) or module in MACHINERY_MODULES:
                    self.seen.append(f"replaced {module}.{target.__qualname__}.{name}")
            elif name in ("__class__", "__bases__") and (id(target) in modules or id(target) in machinery.seen):
                self.seen.append(f"replaced {getattr(target, '__name__', '?')}.{name}")

        sys.addaudithook(hook)


def _version_reader():
    """CPython's dicts carry a version tag (PEP 509) that changes on every write. Reading it (ctypes, at its
    place in the dict object) tells a namespace that nobody wrote to without touching its values: a tenth of
    the cost, since touching 50 000 objects in a forked worker costs a cache miss each. Used only where a
    probe proves it works here (a write to a dict and to a class changes it); otherwise None, and every
    namespace is compared value by value."""
    import ctypes
    import sysconfig

    if sys.implementation.name != "cpython" or sysconfig.get_config_var("Py_GIL_DISABLED"):
        return None
    offset = 3 * ctypes.sizeof(ctypes.c_ssize_t)  # after the reference count, the type and the item count

    def tag(namespace: dict):
        """A live view of the tag: its .value reads the dict's tag now (the dict must outlive the view)."""
        return ctypes.c_uint64.from_address(id(namespace) + offset)

    class Probe:
        x = 1

    probe, inner = {"a": 1}, _dict_of(vars(Probe))
    seen = [tag(probe).value, tag(inner).value]
    probe["a"] = 2
    seen.append(tag(probe).value)
    probe["b"] = 3
    seen.append(tag(probe).value)
    del probe["b"]
    seen.append(tag(probe).value)
    Probe.x = 2
    seen.append(tag(inner).value)
    Probe.y = 3
    seen.append(tag(inner).value)
    return tag if len(set(seen)) == len(seen) else None


def _dict_of(namespace) -> dict:
    """The dict itself behind a class's read-only namespace (a mappingproxy)."""
    if type(namespace) is dict:
        return namespace
    return next((o for o in gc.get_referents(namespace) if type(o) is dict), namespace)


def _state(namespace) -> list:
    """[a live view of its dict's version tag, the tag now, its keys, its values] (no view where tags fail)."""
    inner = _dict_of(namespace)
    view = _tag(inner) if _tag is not None and type(inner) is dict else None
    return [view, view.value if view is not None else None, tuple(namespace), tuple(namespace.values())]


def _same(entry: list) -> bool:
    """Nothing in this namespace was written since it was recorded (then, by identity, nothing changed)."""
    name, namespace, view, tag, keys, values = entry
    if view is not None and view.value == tag:
        return True
    return len(namespace) == len(keys) and all(map(_is, values, namespace.values())) and keys == tuple(namespace)


_tag = _version_reader()


def _differences(name: str, namespace, keys: tuple, values: tuple) -> list[str]:
    before = dict(zip(keys, values, strict=True))
    found = [f"removed {name}.{key}" for key in keys if key not in namespace]
    found += [f"replaced {name}.{key}" for key, value in before.items()
              if key in namespace and namespace[key] is not value and not (
                  key.startswith("_") and isinstance(value, SCALARS) and isinstance(namespace[key], SCALARS))]
    found += [f"added {name}.{key}" for key, value in namespace.items()
              if key not in before and not _lazy(key, value)]
    return found


SCALARS = (type(None), bool, int, float, str)  # a private flag or cache of these is torch's lazy state


def _prewarm() -> None:
    """What torch does to its own classes and modules on first use, done before the record: an optimizer class
    gets its step() wrapped (for the profiler) when the first one is made, and record_function caches a
    module once. Otherwise a correct kata that makes an Adam would read as a patch."""
    optimizers, seen = [torch.optim.Optimizer], set()
    while optimizers:
        cls = optimizers.pop()
        if cls in seen:
            continue
        seen.add(cls)
        optimizers += cls.__subclasses__()
        if cls is not torch.optim.Optimizer and hasattr(cls, "_patch_step_function"):
            cls._patch_step_function(object.__new__(cls))
    monitor = getattr(torch.autograd.profiler, "_maybe_cupti_monitor", None)
    if monitor is not None:
        monitor()


def _lazy(key: str, value) -> bool:
    """An attribute Python or torch adds on first use, not a kata's patch: a submodule imported later (set on
    its package), the warnings module's registry."""
    return (isinstance(value, types.ModuleType) and sys.modules.get(value.__name__) is value) or (
        key == "__warningregistry__")


# Processes a kata starts ----------------------------------------------------------------------------

PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> None:
    """Linux: every process this one starts stays its descendant, even one that double-forks or starts a new
    session (an orphan comes back to this process instead of init), so `stop_descendants` finds them all.
    Elsewhere nothing happens: the worker's process group is killed when it ends."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1)


def _stat(pid: int) -> tuple[str, str] | None:
    """(name, state) of a running process, from /proc; None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            text = stat.read().decode(errors="replace")
    except OSError:
        return None
    return text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:][:1]


def _children(pid: int) -> list[int]:
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as children:
                found += [int(child) for child in children.read().split()]
        except OSError:
            pass
    return found


def descendants(pid: int) -> dict[int, str]:
    """The living (not zombie) processes below pid, by pid, with their names (Linux; elsewhere none)."""
    found, queue = {}, _children(pid)
    while queue:
        child = queue.pop()
        stat = _stat(child)
        if stat is not None and stat[1] not in "ZX":
            found[child] = stat[0]
        queue += _children(child)
    return found


def kill_descendants(pid: int) -> dict[int, str]:
    """Kill every living process below pid, again and again until none is left (one may fork while it dies; as
    the subreaper, pid inherits any orphan). Returns what was killed, by pid, with names."""
    killed: dict[int, str] = {}
    for _ in range(50):
        found = descendants(pid)
        if not found:
            break
        killed.update(found)
        for child in found:
            try:
                os.kill(child, signal.SIGKILL)
            except OSError:
                pass
        if pid == os.getpid():
            _reap()
    return killed


def _reap() -> None:
    """Collect the exit status of every ended child (and orphan handed to this process)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if not pid:
            return


def stop_descendants() -> list[str]:
    """In a worker, when a kata's checks end: stop every process the kata started that still runs. Returns
    their names (["sleep"]) for the kata's message; ended ones are only reaped."""
    killed = kill_descendants(os.getpid()) if sys.platform.startswith("linux") else {}
    _reap_quietly()
    return list(killed.values())


def _reap_quietly() -> None:
    if hasattr(os, "waitpid") and hasattr(os, "WNOHANG"):
        _reap()
