"""Where the learner types commands: a terminal (`katas hint q13`) or IPython, a notebook above all, where the
same command is the magic `%katas hint q13`. `%load_ext katakit` says so for the kernel and the workers it
starts (an environment variable, so spawned workers know it too); messages name commands through `katas()`.
"""

from __future__ import annotations

import os

ENV = "KATAS_FRONT_END"


def magics() -> bool:
    return os.environ.get(ENV) == "ipython"


def katas(rest: str, magic: bool | None = None) -> str:
    """`katas reset q13` as the learner types it where they are: `%katas reset q13` in IPython."""
    return ("%katas " if (magics() if magic is None else magic) else "katas ") + rest
