"""Every sourced chart, for a human to look at: `python -m irtutor.charts.gallery [--save DIR] [--dark]`.

Without --save it opens one window with a tab per chart; with --save it writes
charts-<name>[-dark].png offscreen (packaging/chart_screenshots.py uses the same functions).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QTabWidget

from irtutor.charts.chart_panel import ChartPanel
from irtutor.charts.sourced_charts import CHARTS, build_chart
from irtutor.content.datasets import ReferenceData, load_reference_data
from irtutor.paths import resource_dir

SIZE = (1100, 780)
"""Big enough for 31 ally names without squeezing, as on a projector."""


def reference_data() -> ReferenceData:
    return load_reference_data(resource_dir() / "data")


def dark_palette() -> QPalette:
    """A plain dark palette, the kind a desktop in dark mode hands to Qt."""
    palette = QPalette()
    dark, light = QColor("#202124"), QColor("#e8eaed")
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, dark)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, light)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#2b2c2f"))
    return palette


def preview(name: str, params: dict[str, str] | None = None, dark: bool = False) -> ChartPanel:
    """One chart at projector size, in a dark palette if asked (else the application's)."""
    panel = build_chart(name, params or {}, reference_data())
    if dark:
        panel.setPalette(dark_palette())
        panel.setAutoFillBackground(True)
    panel.resize(*SIZE)
    return panel


def save_all(out: Path, dark: bool = False) -> list[Path]:
    """charts-<name>.png (or -dark.png) for every chart; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in CHARTS:
        panel = preview(name, dark=dark)
        panel.show()
        QApplication.processEvents()
        path = out / f"charts-{name}{'-dark' if dark else ''}.png"
        panel.grab().save(str(path))
        panel.close()
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write PNGs into this folder instead of opening a window")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    args = parser.parse_args(argv)
    if args.save:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.save:
        for path in save_all(args.save, args.dark):
            print(path)
        return 0
    tabs = QTabWidget()
    for name in CHARTS:
        tabs.addTab(preview(name, dark=args.dark), name)
    tabs.resize(*SIZE)
    tabs.setWindowTitle("IR Tutor: chart gallery")
    tabs.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
