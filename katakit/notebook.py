"""Check a kata from a Jupyter notebook (the course is taught in notebooks): `check("q13")`.

The kata file is re-read on every call, so edit katas/qNN_*.py (or %%writefile it) and call again.
"""

from rich.console import Console

from katakit import manifest, run, views


def check(kata_id: str) -> bool:
    root = manifest.find_root()
    katas = manifest.load(root)
    kata = manifest.get(kata_id, katas)
    result = run.run([kata.id], root=root)[kata.id]
    views.show_kata(Console(highlight=False), kata, result, max_checks=100)
    return result.status == "passed"
