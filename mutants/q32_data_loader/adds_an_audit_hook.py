"""Adds an audit hook that empties the checks' lists of failures whenever a file is opened (its make_loader is
the reference's): such a hook would stay in the process for every later check."""

import sys

CAUGHT_BY = "added an audit hook"


def _forget(event, args):
    if event == "open" and "katakit.checks" in sys.modules:
        sys.modules["katakit.checks"]._FOUND.clear()


sys.addaudithook(_forget)
