"""The frozen bundle: its size, and its cold start next to the venv's and the bare-window yardstick.

    .venv/bin/python packaging/build.py            (once: dist/irtutor and the packages)
    .venv/bin/python tests/benchmarks/bench_bundle.py [--runs N] [--bundle dist/irtutor]

Sizes: the bundle folder unpacked (sum of file sizes, as installed under /opt), the .deb and the
.tar.gz in dist/, and the largest parts of the bundle. Goal: under 150 MB unpacked.

Start-up, alternating F, V, B, F, V, B, ... (fresh IRTUTOR_DATA_DIR each run, headless):
F: dist/irtutor/irtutor --exit-after-paint         (the frozen app)
V: python -m irtutor --exit-after-paint            (the same code from the virtual environment)
B: python tests/benchmarks/bare_window.py          (a bare QMainWindow + QTextBrowser)
Each prints milliseconds from process start (/proc/<pid>/stat) to the first painted window;
the table gives median and p90 of that figure and of the wall time around subprocess.run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GOAL_MB = 150
TIMEOUT_S = 120


@dataclass
class Command:
    label: str
    shown: str
    argv: list[str]
    in_process_ms: list[float] = field(default_factory=list)
    wall_ms: list[float] = field(default_factory=list)


def run_once(cmd: Command) -> tuple[float, float]:
    data = tempfile.mkdtemp(prefix="irtutor-bench-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "IRTUTOR_DATA_DIR": data}
    try:
        started = time.perf_counter()
        result = subprocess.run(cmd.argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=TIMEOUT_S,
                                check=False)
        wall = (time.perf_counter() - started) * 1000
    finally:
        shutil.rmtree(data, ignore_errors=True)
    if result.returncode != 0:
        raise SystemExit(f"`{cmd.shown}` exited {result.returncode}:\n{result.stderr[-3000:]}")
    for line in reversed(result.stdout.splitlines()):
        try:
            return float(line.strip()), wall
        except ValueError:
            continue
    raise SystemExit(f"`{cmd.shown}` printed no milliseconds figure:\n{result.stdout[-2000:]}")


def p90(values: list[float]) -> float:
    return values[0] if len(values) < 2 else statistics.quantiles(values, n=10, method="inclusive")[-1]


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def print_sizes(bundle: Path) -> None:
    total = folder_bytes(bundle)
    print(f"bundle {bundle}: {total / 1e6:.1f} MB unpacked, {sum(1 for _ in bundle.rglob('*'))} files "
          f"(goal < {GOAL_MB} MB: {'met' if total / 1e6 < GOAL_MB else 'NOT met'})")
    for package in sorted(bundle.parent.glob("irtutor*.deb")) + sorted(bundle.parent.glob("irtutor*.tar.gz")):
        print(f"  {package.name}: {package.stat().st_size / 1e6:.1f} MB")
    internal = bundle / "_internal"
    parts = [*internal.glob("PySide6/Qt/lib/*"), *internal.glob("PySide6/*.so"), *internal.iterdir()]
    sized = sorted(((folder_bytes(p) if p.is_dir() else p.lstat().st_size, p) for p in parts if
                    p.name not in ("PySide6",)), reverse=True)
    print("  largest parts:", ", ".join(f"{p.relative_to(internal)} {size / 1e6:.1f}" for size, p in sized[:10]),
          "(MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each command (default 15)")
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "irtutor", help="the one-folder bundle")
    args = parser.parse_args(argv)
    frozen = args.bundle / ("irtutor.exe" if sys.platform == "win32" else "irtutor")
    if not frozen.exists():
        raise SystemExit(f"{frozen} is missing: run `python packaging/build.py` first")
    print_sizes(args.bundle)
    venv = [sys.executable, "-m", "irtutor", "--exit-after-paint"]
    shown = os.path.relpath(frozen, REPO) if frozen.is_relative_to(REPO) else str(frozen)
    cmds = [Command("F", f"{shown} --exit-after-paint", [str(frozen), "--exit-after-paint"]),
            Command("V", "python -m irtutor --exit-after-paint", venv),
            Command("B", "python tests/benchmarks/bare_window.py", [sys.executable, str(HERE / "bare_window.py")])]
    for cmd in cmds:  # warm the page cache and bytecode caches
        run_once(cmd)
    for _ in range(args.runs):
        for cmd in cmds:
            ms, wall = run_once(cmd)
            cmd.in_process_ms.append(ms)
            cmd.wall_ms.append(wall)
    print()
    print(f"Cold start to first paint, {args.runs} runs each, alternating F/V/B after one untimed warm-up each; "
          f"QT_QPA_PLATFORM=offscreen; {os.cpu_count()} CPUs")
    bare = statistics.median(cmds[2].in_process_ms)
    print(f"{'command':<46}{'median':>8}{'p90':>8}{'wall med':>10}{'wall p90':>10}{'/ bare':>8}")
    for cmd in cmds:
        med = statistics.median(cmd.in_process_ms)
        print(f"{cmd.label}: {cmd.shown:<43}{med:>8.0f}{p90(cmd.in_process_ms):>8.0f}"
              f"{statistics.median(cmd.wall_ms):>10.0f}{p90(cmd.wall_ms):>10.0f}{med / bare:>7.2f}x")
    print("ms; in-process: from the kernel's process start time to the first painted window (clock-tick resolution).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
