"""Machinery for the gradient-descent katas: data, kata loading, test helpers, the `katas` command.

In a notebook: `from katakit import check; check("q13")` prints the same report as `katas check q13`.
"""


def check(kata_id: str) -> bool:
    """Check one kata from a notebook or a REPL and print its report; True when it passes."""
    from katakit.notebook import check as _check

    return _check(kata_id)
