"""Screenshots of the real window for README.md: `python packaging/screenshots.py [OUT_DIR]`.

Runs offscreen against a throw-away data folder, so it never touches a user's answers.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.right_answers, run from anywhere
os.environ["IRTUTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="irtutor-shots-")

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QApplication, QWidget

from irtutor.app import build_window
from irtutor.core.questions import Response
from irtutor.core.quiz_settings import QuizMode
from irtutor.paths import builtin_lessons_dir
from irtutor.ui.review_view import ReviewView
from tests.right_answers import right_response

KINDS_LESSONS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "lessons"
"""The README's example lesson, which has one question of every kind."""


def main(out: Path) -> None:
    app = QApplication([])
    window = build_window([builtin_lessons_dir(), KINDS_LESSONS])
    window.resize(1100, 760)
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
    written = ["reading.png", "quiz.png"]

    def shoot(widget: QWidget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(out / name))
        written.append(name)

    _answer_all(quiz)  # the practice attempt under way, then two tests: the dashboard gets a history
    quiz.finish()
    for offset in (1, 2):
        quiz.start(QuizMode.TEST)
        _answer_all(quiz, offset)
        quiz.finish()
    shoot(window, "attempt-review.png")
    window.show_progress()
    shoot(window.dashboard, "dashboard.png")
    window.dashboard.close()
    kinds = window.open_lesson("berlin-kinds")
    kinds.show_quiz()
    kinds.quiz.start(QuizMode.PRACTICE)
    for position, name in ((5, "ordering.png"), (6, "cloze.png")):
        kinds.quiz.go_to(position)
        widget = kinds.quiz.question_widget
        if name == "cloze.png":
            widget.set_response(Response(gaps={"g1": "1948", "g2": "a new treaty"}))
        kinds.quiz.check_answer()
        shoot(window, name)
    later = datetime.now(UTC) + timedelta(days=2)
    review = ReviewView(window.workspace.review_session(window.profile, later), window.ops, window)
    review.resize(760, 560)
    review.show()
    shoot(review, "review-queue.png")
    print("wrote " + ", ".join(str(out / name) for name in written))


def _answer_all(quiz, offset: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Answer every question of the attempt under way with option 1 or 2 in turn."""
    for position in range(len(quiz.session.questions)):
        quiz.go_to(position)
        widget = quiz.question_widget
        if widget.question.options:
            widget.press_number(1 + (position + offset) % 2)
        else:
            widget.set_response(right_response(widget.question))
        quiz.check_answer()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "screenshots")
