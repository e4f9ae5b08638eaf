"""Starting the real window the way a user's launch does, and reading what a student saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from irtutor.app import build_window
from irtutor.core.quiz_settings import QuizMode
from irtutor.paths import database_path
from irtutor.ui.main_window import MainWindow
from irtutor.ui.quiz_view import QuizView
from tests.conftest import LESSONS


def start_app(qtbot: QtBot, roots: list[Path] | None = None) -> MainWindow:
    window = build_window(roots or [LESSONS])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15000)
    if window.profile_dialog is None:
        activate(qtbot, window)
    return window


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Make the window active, as the window manager does when a dialog closes: shortcuts need it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def create_profile(qtbot: QtBot, window: MainWindow, name: str) -> None:
    dialog = window.profile_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    activate(qtbot, window)


def open_quiz(qtbot: QtBot, window: MainWindow, mode: QuizMode = QuizMode.PRACTICE,
              lesson_id: str = "nato-origins") -> QuizView:
    """The lesson's quiz tab, on screen (shortcuts only reach visible widgets), with an attempt
    under way: the unfinished one if there is one, else a new one in `mode`, started by a click."""
    view = window.open_lesson(lesson_id)
    assert view is not None
    view.show_quiz()
    quiz = view.quiz
    qtbot.waitUntil(quiz.isVisible)
    if quiz.pages.currentWidget() is quiz.start_page:
        button = quiz.start_page.practice_button if mode is QuizMode.PRACTICE else quiz.start_page.test_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert quiz.session is not None
    return quiz


def saved_answers() -> list[tuple[str, int, float]]:
    """(question_id, correct, score) rows straight from the SQLite file, read-only."""
    uri = f"file:{database_path()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        return conn.execute("SELECT question_id, correct, score FROM answer ORDER BY id").fetchall()
