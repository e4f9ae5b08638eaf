"""Screenshots of the timeline and the timeline-placement question: `python packaging/timeline_screenshots.py [OUT]`.

Writes timeline.png, timeline-filtered.png and timeline-question.png, offscreen, with a throw-away
data folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["IRTUTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="irtutor-shots-")

from PySide6.QtWidgets import QApplication, QWidget

from irtutor.charts.timeline import preview as timeline_preview


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(3):  # wrapped chips settle their height over a couple of layout passes
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    view = timeline_preview()
    view.resize(1280, 720)
    baker = next(i for i, e in enumerate(view.events) if e.day == date(1990, 2, 9))
    view.canvas.select(baker)
    shoot(app, view, out / "timeline.png")
    view.set_tags({"enlargement"})
    view.canvas.select(next(i for i, e in enumerate(view.events) if e.day == date(1952, 2, 18)))
    shoot(app, view, out / "timeline-filtered.png")
    view.close()
    try:
        from irtutor.ui.timeline_question import preview as question_preview
    except ImportError:
        return
    question = question_preview()
    question.resize(900, 560)
    shoot(app, question, out / "timeline-question.png")
    question.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "screenshots")
