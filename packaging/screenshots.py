"""Screenshots of the real window for README.md: `python packaging/screenshots.py [OUT_DIR]`.

Runs offscreen against a throw-away data folder, so it never touches a user's answers.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["IRTUTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="irtutor-shots-")

from PySide6.QtWidgets import QApplication

from irtutor.app import build_window
from irtutor.core.quiz_settings import QuizMode
from irtutor.paths import builtin_lessons_dir


def main(out: Path) -> None:
    app = QApplication([])
    window = build_window([builtin_lessons_dir()])
    window.show()
    while window.workspace is None:
        app.processEvents()
    window.profile_dialog.name_edit.setText("Ana")
    window.profile_dialog.create_profile()
    view = window.open_lesson("nato-origins")
    view.reader.show_page(1)
    app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "reading.png"))
    view.show_quiz()
    quiz = view.quiz
    quiz.start(QuizMode.PRACTICE)
    quiz.go_to(2)
    quiz.question_widget.press_number(1)
    quiz.question_widget.press_number(3)
    quiz.check_answer()
    app.processEvents()
    window.grab().save(str(out / "quiz.png"))
    print(f"wrote {out / 'reading.png'} and {out / 'quiz.png'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "screenshots")
