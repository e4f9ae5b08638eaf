"""Run by test_resume: a student answers three questions in the real window, then the process is killed."""

from __future__ import annotations

import os
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtWidgets import QApplication

from irtutor.app import build_window
from irtutor.core.quiz_settings import QuizMode
from tests.conftest import LESSONS


def main() -> None:
    app = QApplication([])
    window = build_window([LESSONS])
    window.show()
    while window.workspace is None:
        app.processEvents()
    window.profile_dialog.name_edit.setText("Kim")
    window.profile_dialog.create_profile()
    view = window.open_lesson("nato-origins")
    quiz = view.quiz
    quiz.start(QuizMode.PRACTICE)
    for number in (1, 2, 1):
        quiz.question_widget.press_number(number)
        quiz.check_answer()
        quiz.go_to(quiz.session.state.position + 1)
    app.processEvents()
    print("answered", flush=True)
    while True:  # wait for SIGKILL with the window open, as a crash would find it
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
