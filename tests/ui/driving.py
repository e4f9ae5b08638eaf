"""Starting the real window the way a user's launch does, and reading what a student saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from irtutor.app import build_window
from irtutor.core.quiz_settings import QuizMode
from irtutor.paths import database_path
from irtutor.ui.main_window import MainWindow
from irtutor.ui.ops import Operations
from irtutor.ui.quiz_view import QuizView
from tests.conftest import LESSONS


def start_app(qtbot: QtBot, roots: list[Path] | None = None) -> MainWindow:
    window = build_window(roots or [LESSONS])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15000)
    settle(qtbot, window.ops)  # whether a student is remembered is read on the funnel's worker
    if window.profile_dialog is None:
        activate(qtbot, window)
    return window


def settle(qtbot: QtBot, ops: Operations) -> None:
    """Wait until the storage work asked for so far is done and its results are on screen.

    Saves and reads run on the funnel's worker thread, so after a click the screen shows the
    result a moment later, as it does for the student.
    """
    qtbot.waitUntil(lambda: not ops.busy, timeout=10000)
    window = ops.parent()
    # Waiting lets the offscreen platform deliver a late "deactivate" (it comes after the profile
    # dialog closes and a lesson opens, with no window taking over); on a desktop the window
    # manager keeps the window active, and the quiz keys need it.
    if isinstance(window, QWidget) and window.isVisible() and QApplication.activeWindow() is None:
        activate(qtbot, window)


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
    settle(qtbot, window.ops)
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
    settle(qtbot, window.ops)
    if quiz.pages.currentWidget() is quiz.start_page:
        button = quiz.start_page.practice_button if mode is QuizMode.PRACTICE else quiz.start_page.test_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        settle(qtbot, window.ops)
    assert quiz.session is not None
    return quiz


def submit_test(qtbot: QtBot, quiz: QuizView) -> str:
    """Click "Submit test" and answer Yes to the question before it; returns what the question said."""
    qtbot.mouseClick(quiz.finish_button, Qt.MouseButton.LeftButton)
    box = quiz.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    return text


def saved_answers() -> list[tuple[str, int, float]]:
    """(question_id, correct, score) rows straight from the SQLite file, read-only."""
    uri = f"file:{database_path()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        return conn.execute("SELECT question_id, correct, score FROM answer ORDER BY id").fetchall()
