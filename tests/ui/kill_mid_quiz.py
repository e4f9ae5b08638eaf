"""Run by test_resume: a student answers three questions in the real window, then the process is killed.

    python -m tests.ui.kill_mid_quiz [LESSONS_ROOT [practice|test]]

Prints one JSON line once the answers are committed: for each answered position, the question
id, the options in the order shown and the options chosen; then waits for SIGKILL.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtWidgets import QApplication

from irtutor.app import build_window
from irtutor.core.quiz_settings import QuizMode
from tests.conftest import LESSONS
from tests.right_answers import right_response


def main(lessons: Path, mode: QuizMode) -> None:
    app = QApplication([])
    window = build_window([lessons])
    window.show()

    def settle() -> None:  # storage work runs on the funnel's worker; its results arrive as events
        while window.workspace is None or window.ops.busy:
            app.processEvents()

    settle()
    window.profile_dialog.name_edit.setText("Kim")
    window.profile_dialog.create_profile()
    settle()
    view = window.open_lesson("nato-origins")
    quiz = view.quiz
    settle()
    quiz.start(mode)
    settle()
    seen = []
    for number in (1, 2, 1):
        widget = quiz.question_widget
        if widget.question.options:
            widget.press_number(number)
        else:  # the other kinds: the right answer, as a student who knows it would give
            widget.set_response(right_response(widget.question))
        quiz.check_answer()
        settle()
        seen.append({"question": widget.question.id, "shown": [o.id for o in getattr(widget, "shown_options", ())],
                     "response": widget.selection().to_json()})
        quiz.go_to(quiz.position + 1)
        settle()
    print(json.dumps(seen), flush=True)
    while True:  # wait for SIGKILL with the window open, as a crash would find it
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else LESSONS
    sys.exit(main(root, QuizMode(sys.argv[2]) if len(sys.argv) > 2 else QuizMode.PRACTICE))
