"""`katas plot`: PNG files worth looking at. Your training loss curve beside ours (same data, same seed),
and a learning-rate sweep: too small (slow), right (steady), too large (diverges). Each curve says whose
code made it; your code runs in a worker process, as in every check."""

from __future__ import annotations

import math
from pathlib import Path

from rich.console import Console

from katakit import data, loader

SEED, EPOCHS = 0, 100
SWEEP = (1e-6, 1e-5, 5e-4)


FLOOR = "lowest loss any straight line can reach on this data"


def _train(root: Path, impl: str) -> list[float]:
    kata = loader.load_kata(root, impl, "q27_train_epochs")
    w, b = data.params(SEED)
    return [float(v) for v in kata.train(data.inputs(), data.targets(), w, b, 1e-5, EPOCHS)]


def _compare(root: Path, impl: str) -> dict[float, list[float]]:
    kata = loader.load_kata(root, impl, "q22_learning_rate")
    runs = kata.compare_learning_rates(data.inputs(), data.targets(), list(SWEEP), 30, SEED)
    return {float(lr): [float(v) for v in history] for lr, history in runs.items()}


def _yours(root: Path, kata_id: str, fn, console: Console):
    """Your kata's curve when its code passes (computed in a worker process), else None and a line saying why.
    Only the code is plotted, so an unfinished written half does not hide a passing function."""
    from katakit import run, supervisor

    result = run.run([kata_id], root=root)[kata_id]
    status = result.parts().get("code", result.status)
    if status != "passed":
        console.print(f"Your {kata_id} code does not pass yet ({status.replace('_', ' ')}): plotting ours, labelled as "
                      "ours.")
        return None
    try:
        return supervisor.call(fn, root, "katas", timeout=30)
    except RuntimeError as err:
        console.print(f"Your {kata_id} could not be plotted ({err}); plotting ours, labelled as ours.")
        return None


def main(root: Path, console: Console, out: Path) -> int:
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only; works without a screen
        import matplotlib.pyplot as plt
    except ImportError:
        console.print("Plots need matplotlib: pip install -e '.[plot]'", markup=False)
        return 2
    out = out if out.is_absolute() else root / out
    out.mkdir(parents=True, exist_ok=True)

    fig, ax = plt.subplots(figsize=(7, 4.5))
    ours = _train(root, "reference")
    yours = _yours(root, "q27", _train, console)
    ax.plot(ours, label="ours (reference/q27_train_epochs.py)", lw=3, alpha=0.5)
    if yours:
        ax.plot(yours, label="yours (katas/q27_train_epochs.py)", lw=1.5)
    ax.set(title=f"Training loss on the crop data, lr 1e-5, seed {SEED}" + ("" if yours else " (your q27: not yet)"),
           xlabel="epoch", ylabel="mean squared error", yscale="log")
    ax.axhline(data.LSTSQ_FLOOR_5, color="grey", ls=":", label=f"{data.LSTSQ_FLOOR_5}: the {FLOOR}")
    ax.legend()
    curve = out / "training_curve.png"
    fig.savefig(curve, dpi=120, bbox_inches="tight")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4.5))
    mine = _yours(root, "q22", _compare, console)
    histories, whose = (mine, "your katas/q22_learning_rate.py") if mine else (
        _compare(root, "reference"), "our reference/q22_learning_rate.py")
    start = histories[SWEEP[1]][0]
    ax.set_ylim(start / 20, start * 1e3)  # the diverging run leaves through the top; the other two stay readable
    for lr, history in histories.items():
        finite = [v if math.isfinite(v) else float("nan") for v in history]
        label = {SWEEP[0]: "too small: slow", SWEEP[1]: "about right: steady", SWEEP[2]: "too large: diverges"}[lr]
        ax.plot(finite, label=f"lr {lr:g} ({label})")
    ax.set(title=f"Learning-rate sweep, same start (seed {SEED}), by {whose}", xlabel="epoch",
           ylabel="mean squared error (log scale)", yscale="log")
    ax.legend()
    sweep = out / "learning_rates.png"
    fig.savefig(sweep, dpi=120, bbox_inches="tight")
    plt.close(fig)
    shown = [p.relative_to(root) if p.is_relative_to(root) else p for p in (curve, sweep)]
    console.print(f"Wrote {shown[0]} and {shown[1]}")
    return 0
