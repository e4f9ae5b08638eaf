"""When saving fails, the student is told what and where, and the window keeps working."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from irtutor.paths import database_path
from tests.storage.test_store_failures import limit_connections
from tests.ui.driving import create_profile, open_quiz, saved_answers, settle, start_app


def test_damaged_database_at_start_leaves_lessons_readable(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    database_path().write_bytes(b"garbage" * 1000)
    window = start_app(qtbot)
    box = window.findChild(QMessageBox, "storage-failed")
    assert box is not None and box.isVisible()
    assert str(database_path()) in box.text() and "damaged" in box.text()
    box.accept()
    view = window.open_lesson("nato-origins")
    assert view.reader.lesson.pages[0].title in view.reader.text.toPlainText()
    assert view.quiz.notice.text() == "The quiz is unavailable because the database could not be opened."
    assert database_path().read_bytes() == b"garbage" * 1000  # the damaged file is left for rescue


def test_failed_save_keeps_the_answer_on_screen_and_retrying_works(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window)
    limit_connections(window.workspace.store, "PRAGMA query_only=ON")

    quiz.question_widget.press_number(1)
    quiz.check_answer()
    settle(qtbot, quiz.ops)
    box = window.findChild(QMessageBox, "save-failed")
    assert box is not None and box.isVisible()
    assert box.text().startswith(f"Could not save your answer in {database_path()}: the database file is read-only")
    assert quiz.question_widget.selection().selected == {"a"}
    assert quiz.question_widget.property("answered") is None
    assert quiz.feedback.toPlainText() == ""
    assert saved_answers() == []
    box.accept()

    limit_connections(window.workspace.store, "PRAGMA query_only=OFF")
    quiz.check_answer()
    settle(qtbot, quiz.ops)
    assert [row[0] for row in saved_answers()] == [quiz.session.questions[0].id]
    assert quiz.question_widget.property("answered") is True
