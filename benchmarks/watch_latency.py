"""Latency of `katas watch`: from writing a kata file to the end of the redraw, median of several saves.

    python benchmarks/watch_latency.py [--saves 10]

Works on a temporary copy of the repository (your katas/ is never touched). Each save writes
katas/q13_mse.py (alternating the stub and the reference); the redraw ends with the watch footer line.
Target: median at most 100 ms.
"""

import argparse
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOOTER = "Watching katas/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=10, help="number of saves to time (default 10)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "repo"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv*", "__pycache__", "plots"))
        kata = copy / "katas" / "q13_mse.py"
        versions = [(copy / "reference" / "q13_mse.py").read_text(), kata.read_text()]
        proc = subprocess.Popen([sys.executable, "-m", "katakit.cli", "watch"], cwd=copy, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        footers: queue.Queue = queue.Queue()

        def read():
            for line in proc.stdout:
                if line.startswith(FOOTER):
                    footers.put(time.perf_counter())

        threading.Thread(target=read, daemon=True).start()
        footers.get(timeout=120)  # the first full check is done
        time.sleep(0.5)
        latencies = []
        for n in range(args.saves):
            start = time.perf_counter()
            kata.write_text(versions[n % 2])
            latencies.append(footers.get(timeout=30) - start)
            time.sleep(0.3)
        proc.stdin.write("q\n")
        proc.stdin.flush()
        proc.wait(timeout=10)
    ms = sorted(round(x * 1000) for x in latencies)
    print(f"watch re-check after a save: median {statistics.median(ms):.0f} ms, "
          f"min {ms[0]} ms, max {ms[-1]} ms over {len(ms)} saves (target <= 100 ms)")


if __name__ == "__main__":
    main()
