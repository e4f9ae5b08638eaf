"""Screenshots of the instructor studio for the README: `python packaging/studio_screenshots.py [OUT_DIR]`
(headless: it sets QT_QPA_PLATFORM=offscreen itself). Runs on a throw-away copy of a shipped lesson."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
WORK = Path(tempfile.mkdtemp(prefix="irtutor-studio-"))
os.environ["IRTUTOR_DATA_DIR"] = str(WORK / "data")

from PySide6.QtWidgets import QApplication  # noqa: E402

from irtutor.paths import builtin_lessons_dir  # noqa: E402
from irtutor.ui.studio.studio_window import StudioWindow  # noqa: E402

LESSON = "nato-origins"


def main(out: Path) -> list[Path]:
    app = QApplication([])
    own = WORK / "my-lessons"
    shutil.copytree(builtin_lessons_dir() / LESSON, own / LESSON)
    window = StudioWindow([own], builtin_lessons_dir(), WORK / "recovery")
    window.resize(1366, 768)
    window.show()
    assert window.select_lesson(own / LESSON)
    out.mkdir(parents=True, exist_ok=True)
    bench, written = window.workbench, []

    bench.setCurrentWidget(bench.pages_tab)
    bench.page_list.setCurrentRow(1)
    edit = bench.page_editor.edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.insertPlainText("\nThe treaty's Article 5 is short[^nato-nope].\n")
    _settle(app, 0.6)
    written.append(_shot(window, out / "studio-page.png"))

    bench.setCurrentWidget(bench.quiz_holder)
    assert bench.quiz_editor is not None
    bench.quiz_editor.list.setCurrentRow(0)
    _settle(app, 0.4)
    bench.quiz_editor.try_it.fill_right_answer()
    _settle(app, 0.3)
    written.append(_shot(window, out / "studio-quiz.png"))

    bench.setCurrentWidget(bench.details_holder)
    _settle(app, 0.3)
    written.append(_shot(window, out / "studio-details.png"))
    window.discard_unsaved()
    return written


def _settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _shot(window: StudioWindow, path: Path) -> Path:
    window.grab().save(str(path))
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "screenshots"
    print("wrote " + ", ".join(str(p) for p in main(target)))
