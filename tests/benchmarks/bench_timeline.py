"""The timeline: build + first paint, one zoom step and one filter change, each with a synchronous repaint.

    .venv/bin/python tests/benchmarks/bench_timeline.py [--builds 15] [--steps 200]

Prints medians and p90s in milliseconds (offscreen, 1280x720, events and lessons already loaded);
goal: a zoom step or filter change well under 16 ms (one frame at 60 Hz).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from irtutor.charts.timeline import TimelineView
from irtutor.content.catalog import load_lessons
from irtutor.content.datasets import load_reference_data
from irtutor.paths import builtin_lessons_dir, resource_dir


def report(name: str, seconds: list[float]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    print(f"{name}: median {statistics.median(ms):.2f} ms, p90 {ms[int(len(ms) * 0.9)]:.2f} ms ({len(ms)} runs)")


def timed(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--builds", type=int, default=15)
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    app = QApplication([])
    events = load_reference_data(resource_dir() / "data").events
    lessons = load_lessons([builtin_lessons_dir()]).lessons
    builds = []
    for _ in range(args.builds):
        started = time.perf_counter()
        view = TimelineView(events, lessons)
        view.resize(1280, 720)
        view.show()
        app.processEvents()
        view.canvas.repaint()
        builds.append(time.perf_counter() - started)
        view.close()
        view.deleteLater()
        app.processEvents()
    report("build + first paint", builds)
    view = TimelineView(events, lessons)
    view.resize(1280, 720)
    view.show()
    app.processEvents()
    zooms = []
    for step in range(args.steps):
        factor = 1.25 if (step // 10) % 2 == 0 else 0.8  # ten steps in, ten out, around the middle
        zooms.append(timed(lambda f=factor: (view.canvas.zoom(f), view.canvas.repaint())))
    report("zoom step + repaint", zooms)
    tag_sets = [{"nato"}, {"brics", "un"}, set(), {"enlargement"}]
    filters = [timed(lambda n=n: (view.set_tags(tag_sets[n % 4]), view.canvas.repaint())) for n in range(args.steps)]
    report("filter change + repaint", filters)
    selects = [timed(lambda n=n: (view.canvas.move_selection(1 if (n // 38) % 2 == 0 else -1), view.canvas.repaint(),
                                  app.processEvents())) for n in range(args.steps)]
    report("Right/Left to the next event + detail panel + repaint", selects)
    view.close()


if __name__ == "__main__":
    main()
