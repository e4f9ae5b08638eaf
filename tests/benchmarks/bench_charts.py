"""Build and first paint of each sourced chart, offscreen, on the shipped data.

    .venv/bin/python tests/benchmarks/bench_charts.py [--runs 15]

Prints median and p90 per chart. One run = build_chart(...) + show + a forced synchronous paint
(grab); the data is loaded (and cached) before timing, as in the app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from irtutor.charts.sourced_charts import CHARTS, build_chart
from irtutor.content.datasets import ReferenceData, load_reference_data
from irtutor.paths import resource_dir


def one_run(name: str, data: ReferenceData, app: QApplication) -> float:
    started = time.perf_counter()
    panel = build_chart(name, {}, data)
    panel.resize(1000, 720)
    panel.show()
    panel.graphics.grab()  # paints the plot now, as the first frame on screen would
    elapsed = time.perf_counter() - started
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    data = load_reference_data(resource_dir() / "data")
    print(f"{'chart':<24}{'median ms':>10}{'p90 ms':>10}  ({args.runs} runs, first warm-up run dropped)")
    for name in CHARTS:
        one_run(name, data, app)
        times = sorted(one_run(name, data, app) * 1000 for _ in range(args.runs))
        p90 = times[min(len(times) - 1, round(0.9 * (len(times) - 1)))]
        print(f"{name:<24}{statistics.median(times):>10.1f}{p90:>10.1f}")


if __name__ == "__main__":
    main()
