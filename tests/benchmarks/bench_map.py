"""The enlargement map: build + first paint, and one year-slider step with its repaint.

    .venv/bin/python tests/benchmarks/bench_map.py [--builds 15] [--steps 400]

Prints medians and p90s; goal: a slider step well under 16 ms (one frame at 60 Hz).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from irtutor.charts.enlargement_map import EnlargementMap, reference_data


def p90(times: list[float]) -> float:
    return sorted(times)[int(len(times) * 0.9)]


def build_and_paint(app: QApplication) -> float:
    """Seconds from constructing the widget to its first painted frame (data already loaded)."""
    started = time.perf_counter()
    widget = EnlargementMap()
    widget.resize(1200, 760)
    widget.show()
    app.processEvents()
    widget.view.viewport().repaint()
    elapsed = time.perf_counter() - started
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return elapsed


def slider_steps(app: QApplication, steps: int) -> list[float]:
    """Seconds per one-year step, each with its repaint, sweeping 1949 -> today and back."""
    widget = EnlargementMap(year=1949)
    widget.resize(1200, 760)
    widget.show()
    app.processEvents()
    low, high = widget.slider.minimum(), widget.slider.maximum()
    times, direction = [], 1
    for _ in range(steps):
        if not low <= widget.year + direction <= high:
            direction = -direction
        started = time.perf_counter()
        widget.slider.setValue(widget.year + direction)
        widget.view.viewport().repaint()
        app.processEvents()
        times.append(time.perf_counter() - started)
    widget.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builds", type=int, default=15)
    parser.add_argument("--steps", type=int, default=400)
    args = parser.parse_args()
    app = QApplication([])
    started = time.perf_counter()
    reference_data()
    print(f"load reference data (once per process): {(time.perf_counter() - started) * 1000:.1f} ms")
    build_and_paint(app)  # warm-up: fonts, style, first-use caches
    builds = [build_and_paint(app) for _ in range(args.builds)]
    print(f"build + first paint: median {statistics.median(builds) * 1000:.1f} ms, "
          f"p90 {p90(builds) * 1000:.1f} ms over {len(builds)} runs")
    steps = slider_steps(app, args.steps)
    print(f"slider step + repaint: median {statistics.median(steps) * 1000:.2f} ms, "
          f"p90 {p90(steps) * 1000:.2f} ms, max {max(steps) * 1000:.2f} ms over {len(steps)} steps (goal < 16 ms)")


if __name__ == "__main__":
    main()
