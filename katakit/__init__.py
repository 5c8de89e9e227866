"""Machinery for the gradient-descent katas: data, kata loading, test helpers, the `katas` command.

In Jupyter: `%load_ext katakit`, then `%%kata q13` cells (see katakit.notebook). From plain Python:
`from katakit import check; check("q13")` shows the same report as `katas check q13`.
"""


def check(kata_id: str) -> bool:
    """Check one kata and show its report (HTML in a notebook, text elsewhere); True when it passes."""
    from katakit.notebook import check as _check

    return _check(kata_id)


def load_ipython_extension(ipython) -> None:
    """`%load_ext katakit` in Jupyter, IPython, Colab or Kaggle: %%kata, %%answer and %katas."""
    from katakit.notebook import load_ipython_extension as _load

    _load(ipython)
