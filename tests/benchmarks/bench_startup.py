"""Cold-start benchmark: IR Tutor's first painted window against a bare PySide6 window.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs N]

A: python -m irtutor --exit-after-paint   (fresh IRTUTOR_DATA_DIR each run)
B: python tests/benchmarks/bare_window.py (a QMainWindow + QTextBrowser with the first lesson page)

Both print the milliseconds from process start (the kernel's start time in /proc) to the first
painted window and exit. Runs alternate A, B, A, B, ... so drift in machine load hits both alike.
For each command the table gives median and p90 of the printed in-process figure and of the wall
time the benchmark sees around subprocess.run (which also includes interpreter and Qt teardown),
the ratio A/B, and peak RSS.

Peak RSS is measured in separate runs (not the timed ones): each command is started under a tiny
`python -c` wrapper that runs it with runpy and, at exit, reads VmHWM from /proc/self/status, the
high-water mark of that process's own resident memory. ru_maxrss of a child is not used because
Linux carries the spawning process's RSS into the child's ru_maxrss at exec.

Goal: A within 1.5x of B now, 1.3x later (in-process median).
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
BARE = HERE / "bare_window.py"
GOAL_NOW, GOAL_LATER = 1.5, 1.3
RSS_RUNS = 3
TIMEOUT_S = 120

_RSS_WRAPPER = """\
import atexit, runpy, sys

def report():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write("\\nbench-vmhwm-kib=" + line.split()[1] + "\\n")
                sys.stderr.flush()

atexit.register(report)
how, target, *rest = sys.argv[1:]
sys.argv = [target, *rest]
if how == "module":
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    runpy.run_path(target, run_name="__main__")
"""


@dataclass
class Command:
    label: str
    shown: str
    argv: list[str]  # after the interpreter, as run for timing
    wrapped: list[str]  # arguments for _RSS_WRAPPER: how ("module" or "path"), target, args
    in_process_ms: list[float] = field(default_factory=list)
    wall_ms: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)


def commands() -> list[Command]:
    return [
        Command("A", "python -m irtutor --exit-after-paint", ["-m", "irtutor", "--exit-after-paint"],
                ["module", "irtutor", "--exit-after-paint"]),
        Command("B", "python tests/benchmarks/bare_window.py", [str(BARE)], ["path", str(BARE)]),
    ]


def run_once(argv: list[str]) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run `python argv...` headless with a fresh data folder; the wall time in ms around subprocess.run."""
    data = tempfile.mkdtemp(prefix="irtutor-bench-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "IRTUTOR_DATA_DIR": data}
    try:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, *argv], cwd=REPO, env=env, capture_output=True, text=True,
                                timeout=TIMEOUT_S, check=False)
        wall = (time.perf_counter() - started) * 1000
    finally:
        shutil.rmtree(data, ignore_errors=True)
    if result.returncode != 0:
        raise SystemExit(f"`python {' '.join(argv)}` exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result, wall


def printed_ms(result: subprocess.CompletedProcess[str], argv: list[str]) -> float:
    for line in reversed(result.stdout.splitlines()):
        try:
            return float(line.strip())
        except ValueError:
            continue
    raise SystemExit(f"`python {' '.join(argv)}` printed no milliseconds figure:\n{result.stdout[-2000:]}")


def peak_rss_kib(cmd: Command) -> int:
    result, _ = run_once(["-c", _RSS_WRAPPER, *cmd.wrapped])
    marks = [line for line in result.stderr.splitlines() if line.startswith("bench-vmhwm-kib=")]
    if not marks:
        raise SystemExit(f"{cmd.shown}: the RSS wrapper reported nothing:\n{result.stderr[-2000:]}")
    return int(marks[-1].split("=", 1)[1])


def p90(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each command (default 15)")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first run of each command")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not sys.platform.startswith("linux"):
        print("note: not Linux; the in-process clock falls back to time since import, and RSS is unavailable")

    cmds = commands()
    a, b = cmds
    if not args.no_warmup:
        for cmd in cmds:  # page cache and Python bytecode caches filled, so run 1 is not an outlier
            run_once(cmd.argv)
    for _ in range(args.runs):
        for cmd in cmds:
            result, wall = run_once(cmd.argv)
            cmd.in_process_ms.append(printed_ms(result, cmd.argv))
            cmd.wall_ms.append(wall)
    if sys.platform.startswith("linux"):
        for _ in range(RSS_RUNS):
            for cmd in cmds:
                cmd.rss_kib.append(peak_rss_kib(cmd))

    print()
    print(f"Cold start, {args.runs} timed runs per command, alternating A/B"
          f"{'' if args.no_warmup else ' after one untimed warm-up each'} (page cache warm; new process per run)")
    for cmd in cmds:
        print(f"  {cmd.label}: {cmd.shown}")
    print(f"  python {sys.version.split()[0]} at {sys.executable}; QT_QPA_PLATFORM=offscreen; {os.cpu_count()} CPUs")
    print()
    header = f"{'measure':<34}{'A median':>10}{'A p90':>9}{'B median':>10}{'B p90':>9}{'A/B med':>9}{'A/B p90':>9}"
    print(header)
    print("-" * len(header))

    def row(name: str, xa: list[float], xb: list[float], fmt: str) -> None:
        ma, pa, mb, pb = statistics.median(xa), p90(xa), statistics.median(xb), p90(xb)
        print(f"{name:<34}{ma:>10{fmt}}{pa:>9{fmt}}{mb:>10{fmt}}{pb:>9{fmt}}{ma / mb:>8.2f}x{pa / pb:>8.2f}x")

    row("to first paint, in-process (ms)", a.in_process_ms, b.in_process_ms, ".0f")
    row("wall around subprocess.run (ms)", a.wall_ms, b.wall_ms, ".0f")
    if a.rss_kib and b.rss_kib:
        row(f"peak RSS, VmHWM (MiB, {RSS_RUNS} runs)", [k / 1024 for k in a.rss_kib], [k / 1024 for k in b.rss_kib],
            ".1f")
    print()
    print("in-process: the figure each command prints, ms from the kernel's process start time (/proc/<pid>/stat,")
    print("  clock-tick resolution, usually 10 ms; includes interpreter start-up) to the first painted window.")
    print("wall: perf_counter around subprocess.run; adds spawning the process and its teardown after the paint.")
    print("peak RSS: VmHWM from /proc/self/status read at exit by a runpy wrapper, in separate untimed runs.")
    ratio = statistics.median(a.in_process_ms) / statistics.median(b.in_process_ms)
    verdict_now = "met" if ratio <= GOAL_NOW else "NOT met"
    verdict_later = "met" if ratio <= GOAL_LATER else "not yet met"
    print(f"goal: A/B in-process median {ratio:.2f}x; within {GOAL_NOW}x now: {verdict_now}; "
          f"within {GOAL_LATER}x later: {verdict_later}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
