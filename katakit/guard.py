"""Inside a worker process: one kata's code cannot leave global state behind, reach the reference
solutions, or quietly patch the checks.

- `GlobalState`: torch's and Python's process-wide settings, recorded before the kata runs and put back
  after every check (default dtype, grad and anomaly mode, deterministic flags, threads, RNG states,
  print options, warning filters, sys.path, the working directory, environment variables, the standard
  streams, trace functions, signal handlers and timers).
- `refuse_reference(root)`: an audit hook that refuses to open, import or run anything under
  reference/ while kata code runs, and remembers the attempt even if the kata catches the error.
- `Machinery`: the functions of the checking machinery (katakit, pytest, pytest-check, the tests, the
  parts of torch the tests use, builtins), recorded before the kata loads; a kata that replaces one is
  reported, for its own kata only (each kata runs in its own worker).

This is self-assessment: a determined cheat can still forge a result. The aim is that no casual edit passes.
"""

from __future__ import annotations

import builtins
import os
import random
import signal
import sys
import warnings

import torch

MACHINERY_PREFIXES = ("katakit", "pytest", "_pytest", "pytest_check", "pluggy", "conftest", "test_q")
TORCH_PARTS = ("math", "random", "re", "json", "functools", "itertools", "copy", "contextlib", "inspect", "io", "os",
               "time", "collections", "torch", "torch.nn.functional", "torch.nn.modules.linear", "torch.nn.modules.module",
               "torch.nn.modules.loss", "torch.optim.optimizer", "torch.optim.sgd", "torch.utils.data.dataset",
               "torch.utils.data.dataloader", "torch.autograd", "torch.testing", "numpy")
SIGNALS = [getattr(signal, name) for name in ("SIGALRM", "SIGTERM", "SIGINT", "SIGUSR1", "SIGUSR2", "SIGVTALRM",
                                              "SIGPROF", "SIGCHLD", "SIGPIPE", "SIGHUP") if hasattr(signal, name)]
TIMERS = [getattr(signal, name) for name in ("ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF") if hasattr(signal, name)]
CLASSES = (torch.Tensor, torch.nn.Module, torch.nn.Linear, torch.optim.Optimizer, torch.optim.SGD,
           torch.utils.data.DataLoader, torch.utils.data.TensorDataset)


class GlobalState:
    """Process-wide settings a kata could change; `restore()` puts back what `__init__` saw."""

    def __init__(self):
        self.dtype = torch.get_default_dtype()
        self.grad = torch.is_grad_enabled()
        self.anomaly = (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
        self.deterministic = (torch.are_deterministic_algorithms_enabled(),
                              torch.is_deterministic_algorithms_warn_only_enabled())
        self.threads = torch.get_num_threads()
        self.rng = (torch.random.get_rng_state(), random.getstate())
        self.printopts = dict(vars(torch._tensor_str.PRINT_OPTS))
        self.filters = list(warnings.filters)
        self.path, self.cwd, self.environ = list(sys.path), os.getcwd(), dict(os.environ)
        self.recursion = sys.getrecursionlimit()
        self.streams = (sys.stdin, sys.stdout, sys.stderr)
        self.signals = {sig: signal.getsignal(sig) for sig in SIGNALS}

    def restore(self) -> None:
        torch.set_default_dtype(self.dtype)
        torch.set_grad_enabled(self.grad)
        torch.set_anomaly_enabled(*self.anomaly)
        if (torch.are_deterministic_algorithms_enabled(),
                torch.is_deterministic_algorithms_warn_only_enabled()) != self.deterministic:
            # only when changed: this call imports torch._dynamo (over a second)
            torch.use_deterministic_algorithms(self.deterministic[0], warn_only=self.deterministic[1])
        if torch.get_num_threads() != self.threads:
            torch.set_num_threads(self.threads)
        torch.random.set_rng_state(self.rng[0])
        random.setstate(self.rng[1])
        torch.set_printoptions(**{k: v for k, v in self.printopts.items() if k != "sci_mode"})
        torch._tensor_str.PRINT_OPTS.sci_mode = self.printopts.get("sci_mode")
        warnings.filters[:] = self.filters
        sys.path[:] = self.path
        if os.getcwd() != self.cwd:
            os.chdir(self.cwd)
        if dict(os.environ) != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
        sys.setrecursionlimit(self.recursion)
        sys.stdin, sys.stdout, sys.stderr = self.streams
        sys.settrace(None)
        sys.setprofile(None)
        for sig, handler in self.signals.items():
            if signal.getsignal(sig) is not handler and handler is not None:
                signal.signal(sig, handler)
        for timer in TIMERS:  # an alarm set by one kata must not go off in the next
            signal.setitimer(timer, 0)


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


class Machinery:
    """The callables of the checking machinery, by identity, so a replaced one can be named."""

    def __init__(self):
        # name -> (the module or class, its live namespace, a copy of it as it is now)
        self.recorded = {name: (owner, namespace, dict(namespace)) for name, owner, namespace in self._namespaces()}

    @staticmethod
    def _namespaces():
        for name, module in list(sys.modules.items()):
            if module is not None and (name.startswith(MACHINERY_PREFIXES) or name in TORCH_PARTS):
                yield name, module, vars(module)
        for cls in CLASSES:
            yield f"{cls.__module__}.{cls.__qualname__}", cls, vars(cls)
        yield "builtins", builtins, vars(builtins)

    def replaced(self) -> list[str]:
        """Names of recorded functions and classes that are now missing or a different object (or a module
        swapped in sys.modules). A wrapper around the same function does not count: torch wraps some of its
        own on first use (torch._dynamo)."""
        found = []
        for name, (owner, namespace, before) in self.recorded.items():
            if name in sys.modules and sys.modules[name] is not owner:
                found.append(f"sys.modules['{name}']")
                continue
            if before == namespace:  # the usual case, compared in C: nothing changed at all
                continue
            found += [f"{name}.{attr}" for attr, value in before.items()
                      if (callable(value) or isinstance(value, type)) and namespace.get(attr) is not value
                      and getattr(namespace.get(attr), "__wrapped__", None) is not value]
        return found
