"""Renaming and removing a student, and bringing a removed one back with their answers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from irtutor.ui.main_window import MainWindow
from tests.ui.driving import create_profile, open_quiz, saved_answers, settle, start_app
from tests.ui.test_review_queue_ui import answer_first_two


def _dialog(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.student_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    dialog = window.profile_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _answer(qtbot: QtBot, dialog, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the small question the dialog asked, and press Enter, as a student does."""
    qtbot.waitUntil(lambda: dialog.input is not None and dialog.input.isVisible())
    dialog.input.activateWindow()  # as the window manager does for a new dialog
    qtbot.waitUntil(dialog.input.isActiveWindow)
    edit = QApplication.focusWidget()
    assert isinstance(edit, QLineEdit)
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    settle(qtbot, dialog.ops)


def _names(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [widget.item(row).text() for row in range(widget.count())]


def test_rename_remove_and_restore_a_student(qtbot: QtBot, tmp_path: Path) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    answer_first_two(open_quiz(qtbot, window, QuizMode.PRACTICE))
    settle(qtbot, window.ops)
    answers = saved_answers()
    assert len(answers) == 2

    dialog = _dialog(qtbot, window)
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, dialog, "Ana Silva")
    assert _names(dialog.list) == ["Ana Silva"]
    assert window.student_button.text() == "Student: Ana Silva"

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, dialog, "Ana")  # not the whole name: nobody is removed
    assert "nobody was removed" in dialog.error.text() and _names(dialog.list) == ["Ana Silva"]
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, dialog, "ana silva")
    assert _names(dialog.list) == [] and _names(dialog.removed_list) == ["Ana Silva"]
    assert dialog.restore_button.isVisible()
    assert window.student_button.text() == "Choose student…" and not window.review_button.isVisible()
    assert saved_answers() == answers  # the answers are kept
    dialog.grab().save(str(tmp_path / "profiles-removed.png"))

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert _names(dialog.list) == ["Ana Silva"] and not dialog.removed_list.isVisible()
    dialog.list.setCurrentRow(0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    settle(qtbot, window.ops)
    assert window.profile is not None and window.profile.name == "Ana Silva"
