"""What the window remembers between runs, the text size keys and the keyboard-shortcut list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from irtutor.ui import messages
from irtutor.ui.local_time import local_clock
from irtutor.ui.review_view import ReviewView
from tests.ui.driving import create_profile, open_quiz, settle, start_app
from tests.ui.test_review_queue_ui import answer_first_two


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_size_splitters_text_size_and_place_are_remembered(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    assert window.lesson_view is None  # nobody is chosen yet: the welcome page, not a lesson
    create_profile(qtbot, window, "Ana")
    view = window.open_lesson("nato-enlargement")
    assert view is not None
    settle(qtbot, window.ops)
    _press(qtbot, Qt.Key.Key_Right)
    _press(qtbot, Qt.Key.Key_Right)
    base = view.reader.text.font().pointSizeF()
    _press(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    _press(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    larger = view.reader.text.font().pointSizeF()
    assert larger > base * 1.15
    assert view.reader.side.font().pointSizeF() == larger and view.quiz.font().pointSizeF() == larger
    window.resize(760, 560)  # within the offscreen screen, which restoreGeometry fits to
    qtbot.wait(20)  # the layout follows (the reader folds its side panel away at this width)
    window.splitter.setSizes([200, 800])
    view.reader.splitter.setSizes([500, 300])
    splitters = window.splitter.sizes(), view.reader.splitter.sizes()
    window.close()

    again = start_app(qtbot)
    settle(qtbot, again.ops)
    assert (again.width(), again.height()) == (760, 560)
    view = again.lesson_view
    assert view is not None and view.lesson.id == "nato-enlargement" and view.reader.page_index == 2
    assert (again.splitter.sizes(), view.reader.splitter.sizes()) == splitters
    assert view.reader.text.font().pointSizeF() == larger
    assert again.lesson_list.currentItem().text() == view.lesson.title
    _press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.reader.text.font().pointSizeF() == base
    _press(qtbot, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.reader.text.font().pointSizeF() < base


def test_f1_lists_the_keyboard_shortcuts(qtbot: QtBot, tmp_path: Path) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    _press(qtbot, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    keys = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert keys == [keys for keys, _ in messages.SHORTCUTS]
    assert dialog.table.verticalScrollBar().maximum() == 0  # every row shows at once
    dialog.grab().save(str(tmp_path / "shortcuts.png"))
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.text() for a in help_menu.actions()] == [messages.SHORTCUTS_MENU, messages.ABOUT_MENU]
    dialog.close()


def test_the_due_count_refreshes_by_itself_and_nothing_due_says_when(qtbot: QtBot, tmp_path: Path) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.PRACTICE)
    answer_first_two(quiz)
    settle(qtbot, window.ops)
    assert window.due_timer.isActive()
    window.review_button.setText("stale")
    window.due_timer.setInterval(20)
    qtbot.waitUntil(lambda: window.review_button.text() == "Due for review: 0")
    window.due_timer.setInterval(60_000)
    _press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.review_view, ReviewView) and window.review_view.isVisible())
    header = window.review_view.header.text()
    assert "Nothing is due" in header and "comes back for review on" in header
    soon = window.workspace.review_session(window.profile).next_due
    assert soon is not None and local_clock(soon) in header
    window.review_view.grab().save(str(tmp_path / "nothing-due.png"))
    window.review_view.close()


def test_ctrl_wheel_sizes_the_text_on_pages_with_figures_and_in_the_quiz(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    view = window.open_lesson("nato-origins")
    assert view is not None and view.reader.parts.isVisible()  # page 1 has a figure
    base = view.reader.parts.chunks[0].font().pointSizeF()
    for target, delta in ((view.reader.parts.chunks[0].viewport(), 120), (view.reader.side.viewport(), 120)):
        QApplication.sendEvent(target, _wheel(target, delta))
    assert view.reader.parts.chunks[0].font().pointSizeF() > base * 1.15
    view.show_quiz()
    qtbot.waitUntil(view.quiz.isVisible)
    QApplication.sendEvent(view.quiz, _wheel(view.quiz, -120))
    assert window.text_step == 1
    QApplication.sendEvent(window.lesson_list.viewport(), _wheel(window.lesson_list.viewport(), 120))
    assert window.text_step == 1  # the lesson list scrolls as usual


def _wheel(widget: QWidget, delta: int) -> QWheelEvent:
    centre = QPointF(widget.rect().center())
    return QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, delta),
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                       False)
