"""How long a learner waits for the whole run, against the floor of importing torch, measured in one run.

    python benchmarks/whole_run.py [--rounds 7] [--impl reference]

Alternates `python -c "import torch"` and `python -m pytest --impl=IMPL -q` (all 44 katas) so both see the
same machine load, and prints both medians and their ratio. Target: ratio at most 1.5.
Both run as on a learner's machine, where Python caches bytecode: PYTHONDONTWRITEBYTECODE is removed.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="alternating rounds (default 7)")
    parser.add_argument("--impl", default="reference", help="katas or reference (default reference)")
    args = parser.parse_args()
    floor_cmd = [sys.executable, "-c", "import torch"]
    run_cmd = [sys.executable, "-m", "pytest", f"--impl={args.impl}", "-q", "tests"]
    timed(floor_cmd), timed(run_cmd)  # warm the file cache
    floor, whole = [], []
    for _ in range(args.rounds):
        floor.append(timed(floor_cmd))
        whole.append(timed(run_cmd))
    f, w = statistics.median(floor), statistics.median(whole)
    print(f"import torch      median {f:.3f} s over {args.rounds} rounds")
    print(f"pytest ({args.impl}) median {w:.3f} s over {args.rounds} rounds")
    print(f"ratio {w / f:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
