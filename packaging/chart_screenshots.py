"""Screenshots of every registered page figure, light and dark: `python packaging/chart_screenshots.py [OUT]`.

Writes <directive>s-<target>.png and ...-dark.png (charts-nominal-gdp.png, maps-enlargement.png,
timelines-events.png; default: packaging/screenshots), offscreen, for each figure of
`core.figures.FIGURES` through its registered builder: the code of `python -m irtutor.charts.gallery`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from irtutor.charts.gallery import save_all

OUT = Path(__file__).resolve().parent / "screenshots"


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication([])
    for dark in (False, True):
        for path in save_all(out, dark):
            print(path)
    app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
