"""Time to ready: IR Tutor with every lesson listed (and then with the database open) against a
bare PySide6 window, at 7 lessons and at 700.

    .venv/bin/python tests/benchmarks/bench_ready.py [--runs N] [--lessons 700]

Commands, alternated run by run so that drift in machine load hits all alike:
  B      tests/benchmarks/bare_window.py (QMainWindow + QTextBrowser with a lesson page, first paint)
  R7     python -m irtutor --exit-when-ready                 (the 7 shipped lessons)
  R700   python -m irtutor --lessons <700 copies> --exit-when-ready
`--exit-when-ready` prints two figures in ms from process start: `lessons=` when every lesson is
listed and can be opened, `database=` when the saved answers are open too. R7 and R700 keep one
data folder each across runs, so they start with the lesson cache warm, as every start after the
first does; one cold run of each (empty data folder) is printed first.

Goal (issue 15): lessons ready within 2x of the bare window at 7 lessons, and flat per lesson
with the cache.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
READY = re.compile(r"lessons=([\d.]+) database=([\d.]+)")


def run(argv: list[str], data: Path) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "IRTUTOR_DATA_DIR": str(data)}
    result = subprocess.run([sys.executable, *argv], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=300, check=False)
    if result.returncode != 0:
        raise SystemExit(f"`python {' '.join(argv)}` exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result.stdout


def ready(argv: list[str], data: Path) -> tuple[float, float]:
    found = READY.search(run([*argv, "--exit-when-ready"], data))
    if found is None:
        raise SystemExit(f"`python {' '.join(argv)} --exit-when-ready` printed no figures")
    return float(found.group(1)), float(found.group(2))


def bare(data: Path) -> float:
    return float(run([str(HERE / "bare_window.py")], data).split()[-1])


def copies(target: Path, count: int) -> Path:
    """`count` lessons: the shipped ones copied round-robin, each with its own id."""
    shipped = sorted(p for p in (REPO / "lessons").iterdir() if (p / "lesson.yaml").is_file())
    for i in range(count):
        source = shipped[i % len(shipped)]
        folder = target / f"{source.name}-{i:04d}"
        shutil.copytree(source, folder)
        meta = folder / "lesson.yaml"
        meta.write_text(re.sub(r"^id: .*$", f"id: {folder.name}", meta.read_text(encoding="utf-8"), count=1,
                               flags=re.MULTILINE), encoding="utf-8")
    return target


def summary(name: str, values: list[float], yardstick: float, per: int) -> str:
    median = statistics.median(values)
    p90 = statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]
    return (f"{name:<34}{median:>9.0f}{p90:>9.0f}{median / yardstick:>9.2f}x"
            f"{median / per:>12.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--lessons", type=int, default=700)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="irtutor-ready-"))
    try:
        many = copies(work / "lessons", args.lessons)
        data7, data_many = work / "data7", work / "data-many"
        cold7 = ready(["-m", "irtutor"], data7)
        cold_many = ready(["-m", "irtutor", "--lessons", str(many)], data_many)
        bare(work / "bare")  # warm-up
        b, r7l, r7d, rml, rmd = [], [], [], [], []
        for _ in range(args.runs):
            b.append(bare(work / "bare"))
            lessons, database = ready(["-m", "irtutor"], data7)
            r7l.append(lessons)
            r7d.append(database)
            lessons, database = ready(["-m", "irtutor", "--lessons", str(many)], data_many)
            rml.append(lessons)
            rmd.append(database)
        yardstick = statistics.median(b)
        print(f"\nTime to ready, ms from process start; {args.runs} alternating runs; cache warm except 'cold'")
        print(f"  python {sys.version.split()[0]}; QT_QPA_PLATFORM=offscreen; {os.cpu_count()} CPUs\n")
        print(f"{'measure':<34}{'median':>9}{'p90':>9}{'vs bare':>10}{'ms/lesson':>12}")
        print(summary("B bare window, first paint", b, yardstick, 1))
        print(summary("R7 lessons ready", r7l, yardstick, 7))
        print(summary("R7 database open", r7d, yardstick, 7))
        print(summary(f"R{args.lessons} lessons ready", rml, yardstick, args.lessons))
        print(summary(f"R{args.lessons} database open", rmd, yardstick, args.lessons))
        print(f"\ncold (empty data folder, no cache): 7 lessons ready {cold7[0]:.0f} ms, database {cold7[1]:.0f} ms;"
              f" {args.lessons} lessons ready {cold_many[0]:.0f} ms, database {cold_many[1]:.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
