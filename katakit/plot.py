"""`katas plot`: PNG files worth looking at. Your training loss curve beside ours (same data, same seed),
and a learning-rate sweep: too small (slow), right (steady), too large (diverges)."""

from __future__ import annotations

import math
from pathlib import Path

from rich.console import Console

from katakit import data, loader

SEED, EPOCHS = 0, 100
SWEEP = (1e-6, 1e-5, 5e-4)


def _losses(root: Path, impl: str, console: Console) -> list[float] | None:
    """q27's train() from katas/ or reference/ on the 5-row data; None when it is not written or breaks."""
    try:
        kata = loader.load_kata(root, impl, "q27_train_epochs")
        w, b = data.params(SEED)
        return [float(v) for v in kata.train(data.inputs(), data.targets(), w, b, 1e-5, EPOCHS)]
    except NotImplementedError:
        return None
    except Exception as err:  # a learner's bug must not stop the plot of the reference
        console.print(f"Your q27 train() raised {type(err).__name__}: {err}; plotting ours alone.")
        return None


def _sweep(root: Path) -> dict[float, list[float]]:
    kata = loader.load_kata(root, "reference", "q22_learning_rate")
    return kata.compare_learning_rates(data.inputs(), data.targets(), list(SWEEP), 30, SEED)


def main(root: Path, console: Console, out: Path) -> int:
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only; works without a screen
        import matplotlib.pyplot as plt
    except ImportError:
        console.print("Plots need matplotlib: pip install -e '.[plot]'")
        return 2
    out = out if out.is_absolute() else root / out
    out.mkdir(parents=True, exist_ok=True)

    fig, ax = plt.subplots(figsize=(7, 4.5))
    ours = _losses(root, "reference", console)
    yours = _losses(root, "katas", console)
    ax.plot(ours, label="ours (reference/q27)", lw=3, alpha=0.5)
    if yours:
        ax.plot(yours, label="yours (katas/q27)", lw=1.5)
    ax.set(title=f"Training loss on the crop data, lr 1e-5, seed {SEED}" + ("" if yours else " — q27 not written yet"),
           xlabel="epoch", ylabel="mean squared error", yscale="log")
    ax.axhline(data.LSTSQ_FLOOR_5, color="grey", ls=":", label=f"least-squares floor {data.LSTSQ_FLOOR_5}")
    ax.legend()
    curve = out / "training_curve.png"
    fig.savefig(curve, dpi=120, bbox_inches="tight")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4.5))
    histories = _sweep(root)
    start = histories[SWEEP[1]][0]
    ax.set_ylim(start / 20, start * 1e3)  # the diverging run leaves through the top; the other two stay readable
    for lr, history in histories.items():
        finite = [v if math.isfinite(v) else float("nan") for v in history]
        label = {SWEEP[0]: "too small: slow", SWEEP[1]: "about right: steady", SWEEP[2]: "too large: diverges"}[lr]
        ax.plot(finite, label=f"lr {lr:g} ({label})")
    ax.set(title=f"Learning-rate sweep, same start (seed {SEED})", xlabel="epoch",
           ylabel="mean squared error (log scale)", yscale="log")
    ax.legend()
    sweep = out / "learning_rates.png"
    fig.savefig(sweep, dpi=120, bbox_inches="tight")
    plt.close(fig)
    shown = [p.relative_to(root) if p.is_relative_to(root) else p for p in (curve, sweep)]
    console.print(f"Wrote {shown[0]} and {shown[1]}")
    return 0
