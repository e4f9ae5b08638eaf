"""Screenshots of the enlargement map and a marked map question: `python packaging/map_screenshots.py [OUT_DIR]`.

Writes map-1999.png, map-2024.png and map-question-answered.png (default: packaging/screenshots).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["IRTUTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="irtutor-shots-")

from PySide6.QtWidgets import QApplication, QWidget

from irtutor.charts.enlargement_map import preview
from irtutor.core.grading import grade
from irtutor.core.questions import MapKey, Question, QuestionKind, Response
from irtutor.ui.map_question import MapSelectionQuestionWidget

JOINED_2004 = Question("joined-2004", QuestionKind.MAP_SELECTION, "Click every country that joined NATO in 2004.",
                       MapKey(("BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN"), 2004),
                       "Seven states joined on 29 March 2004.", "01-rounds")


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    app.processEvents()
    widget.grab().save(str(path))
    widget.close()
    print(path)


def main(out: Path) -> None:
    app = QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    for year in (1999, 2024):
        shown = preview(year)
        shown.show()
        app.processEvents()
        shown.focus_country("POL" if year == 1999 else "SWE")
        shoot(app, shown, out / f"map-{year}.png")
    question = MapSelectionQuestionWidget(JOINED_2004)
    question.resize(1100, 720)
    picked = Response(selected=frozenset({"EST", "LVA", "LTU", "POL", "SVK", "ROU"}))
    question.show_answer(picked, grade(JOINED_2004, picked))
    shoot(app, question, out / "map-question-answered.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "screenshots")
