"""Every page figure, for a human to look at: `python -m irtutor.charts.gallery [--save DIR] [--dark]`.

The figures are those of the registry (`core.figures.FIGURES`), each drawn by its registered
builder without parameters, as a page that writes none shows it. Without --save it opens one
window with a tab per figure; with --save it writes <directive>s-<target>[-dark].png offscreen,
e.g. charts-nominal-gdp.png (packaging/chart_screenshots.py uses the same functions).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from irtutor.charts.figure_builders import build_figure
from irtutor.content.datasets import ReferenceData, load_reference_data
from irtutor.core.figures import FIGURES, Figure
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


def preview(figure: Figure, params: dict[str, str] | None = None, dark: bool = False) -> QWidget:
    """One figure at projector size, in a dark palette if asked (else the application's)."""
    widget = build_figure(figure.key, params or {}, reference_data())
    if dark:
        widget.setPalette(dark_palette())
        widget.setAutoFillBackground(True)
    widget.resize(*SIZE)
    return widget


def shot_name(figure: Figure, dark: bool = False) -> str:
    return f"{figure.directive}s-{figure.target}{'-dark' if dark else ''}.png"


def save_all(out: Path, dark: bool = False, figures: tuple[Figure, ...] = FIGURES) -> list[Path]:
    """A PNG per figure (see `shot_name`); returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for figure in figures:
        widget = preview(figure, dark=dark)
        widget.show()
        QApplication.processEvents()
        path = out / shot_name(figure, dark)
        widget.grab().save(str(path))
        widget.close()
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
    for figure in FIGURES:
        tabs.addTab(preview(figure, dark=args.dark), f"{figure.directive} {figure.target}")
    tabs.resize(*SIZE)
    tabs.setWindowTitle("IR Tutor: figure gallery")
    tabs.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
