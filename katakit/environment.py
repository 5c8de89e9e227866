"""The KATAS_* environment variables, read and checked in one place: a bad value gets one message that names
the variable and what it accepts (exit status 2 from `katas`, a usage error from pytest), never a run that
quietly has no time limit or a kata "error" with no word.

    KATAS_TIMEOUT    seconds one check may run (default 10)
    KATAS_WORKERS    worker processes at once (default 2, or 1 on a single CPU)
    KATAS_MEMORY_MB  memory a worker may add, in MB (default 1024; Linux)
    KATAS_START      how workers start: fork or spawn (default fork where it exists)
"""

from __future__ import annotations

import math
import os


class BadSetting(ValueError):
    """A KATAS_* variable or --kata-* option with a value it cannot take; the message says what it accepts."""


def seconds(text: str) -> float:
    """A time limit in seconds: a finite number greater than 0 (nan would mean no limit at all)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise BadSetting("expected a finite number of seconds greater than 0, like 10")
    return value


def count(text: str, example: int = 2) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise BadSetting(f"expected a whole number, 1 or more, like {example}")
    return value


def megabytes(text: str) -> int:
    return count(text, example=1024)


def start_method(text: str) -> str:
    if text not in ("fork", "spawn"):
        raise BadSetting("expected fork or spawn")
    return text


PARSERS = {"KATAS_TIMEOUT": seconds, "KATAS_WORKERS": count, "KATAS_MEMORY_MB": megabytes, "KATAS_START": start_method}


def get(name: str, default=None):
    """The variable's value, parsed; `default` when it is unset or empty. Raises BadSetting naming it."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        return PARSERS[name](text)
    except BadSetting as err:
        raise BadSetting(f"{name}={os.environ[name]}: {err}. Unset it for the default.") from None


def check() -> None:
    """Raise BadSetting for the first KATAS_* variable with a bad value."""
    for name in PARSERS:
        get(name)
