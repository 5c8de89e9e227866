"""How long a learner waits for the whole run, against the floor of importing torch, measured in one run.

    python benchmarks/whole_run.py [--rounds 7] [--start fork|spawn] [--solved]

Alternates `python -c "import torch"`, `katas` (progress over all 44 katas, in this checkout: your files) and
`python -m pytest --impl=reference -q tests` (all 44 katas, solved), so all three see the same machine
load, and prints the medians and the ratios. Target: ratio at most 1.5 (aim 1.2). `--start spawn` measures
the way workers start on Windows (a fresh process per kata) on this machine.
The floor is the whole of `python -c "import torch"`, the interpreter's teardown included. `katas` quits without
that teardown once its output is written (`os._exit`), and `pytest` skips its final garbage collection: the
last line measures the floor without teardown, so you can see how much of the gap that is.
`--solved` runs in a temporary copy with every kata solved (the references in katas/), and adds `katas ci`,
which gives each kata with the learner's code a worker of its own.
Both run as on a learner's machine, where Python caches bytecode: PYTHONDONTWRITEBYTECODE is removed.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict, where: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=where, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def solved_copy(into: Path) -> Path:
    """This checkout's tracked files, with every kata solved (the references copied into katas/)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, into / name)
    for path in (into / "reference").iterdir():
        if path.suffix in (".py", ".md"):
            shutil.copy2(path, into / "katas" / path.name)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="alternating rounds (default 7)")
    parser.add_argument("--start", choices=("fork", "spawn"), default=None, help="how workers start (default: fork)")
    parser.add_argument("--solved", action="store_true", help="every kata solved, in a temporary copy; adds katas ci")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        measure(args, solved_copy(Path(scratch)) if args.solved else ROOT)


def measure(args, where: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if args.start:
        env["KATAS_START"] = args.start
    commands = {
        "import torch": [sys.executable, "-c", "import torch"],
        "torch, no teardown": [sys.executable, "-c", "import os, torch; os._exit(0)"],
        "katas (solved)" if args.solved else "katas (your files)": [sys.executable, "-m", "katakit.cli"],
        "pytest (reference)": [sys.executable, "-m", "pytest", "--impl=reference", "-q", "tests"],
    }
    if args.start:
        commands["pytest (reference)"].append(f"--kata-start={args.start}")
    if args.solved:
        commands["katas ci (solved)"] = [sys.executable, "-m", "katakit.cli", "ci"]
    for cmd in commands.values():  # warm the file cache
        timed(cmd, env, where)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, cmd in commands.items():
            times[name].append(timed(cmd, env, where))
    floor = statistics.median(times["import torch"])
    for name, values in sorted(times.items(), key=lambda item: item[0] == "torch, no teardown"):
        median = statistics.median(values)
        ratio = "" if name == "import torch" else f"  ratio {median / floor:.2f}"
        ratio += " (target <= 1.5)" if name.startswith(("katas (", "pytest")) else ""
        print(f"{name:<20} median {median:.3f} s over {args.rounds} rounds{ratio}")


if __name__ == "__main__":
    main()
