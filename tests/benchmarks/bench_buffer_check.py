"""Checks on the studio's unsaved buffer of the largest shipped quiz, as the problems panel runs them.

    .venv/bin/python tests/benchmarks/bench_buffer_check.py [--runs 30] [--profile]

Copies the lesson with the largest quiz.yaml to a temporary folder, then times
`check_unsaved(folder, {"quiz.yaml": buffer})` (the strict load of `irtutor check` with the buffer
read from memory, fact checks included) with a different one-word edit in the buffer each run, and
the same with the rest of the course passed for the cross-lesson checks. Prints the first (cold)
run, then median and p95 of the rest. Goal: under 50 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from irtutor.content.buffer_check import check_unsaved
from irtutor.content.catalog import load_lessons
from irtutor.core.lesson import Lesson
from irtutor.paths import builtin_lessons_dir


def timings(folder: Path, buffer: str, runs: int, others: list[Lesson]) -> list[float]:
    seconds = []
    for n in range(runs + 1):
        edited = buffer.replace("prompt: ", f"prompt: Edit {n} ", 1)
        started = time.perf_counter()
        problems = check_unsaved(folder, {"quiz.yaml": edited}, others)
        seconds.append(time.perf_counter() - started)
        assert problems == [], problems
    return seconds


def report(label: str, seconds: list[float]) -> None:
    rest = sorted(seconds[1:])
    p95 = rest[min(len(rest) - 1, round(0.95 * (len(rest) - 1)))]
    print(f"{label:<34} first {seconds[0] * 1000:7.1f} ms   median {statistics.median(rest) * 1000:6.1f} ms"
          f"   p95 {p95 * 1000:6.1f} ms   ({len(rest)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest calls of one run")
    args = parser.parse_args()
    shipped = max(builtin_lessons_dir().glob("*/quiz.yaml"), key=lambda p: p.stat().st_size).parent
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / shipped.name
        shutil.copytree(shipped, folder)
        buffer = (folder / "quiz.yaml").read_text(encoding="utf-8")
        print(f"lesson {shipped.name}: quiz.yaml {len(buffer.encode()):,} bytes, "
              f"{buffer.count('  - id: ')} questions")
        report("check_unsaved (quiz buffer)", timings(folder, buffer, args.runs, []))
        others = load_lessons([builtin_lessons_dir()]).lessons
        report("  + cross-lesson checks", timings(folder, buffer, args.runs, others))
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(check_unsaved, folder, {"quiz.yaml": buffer})
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
