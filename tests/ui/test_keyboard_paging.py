"""Paging and opening lessons from the focus a student actually has, as a keyboard does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from irtutor.ui.main_window import MainWindow
from tests.ui.driving import create_profile, settle, start_app


def _press(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def _open_by_keyboard(qtbot: QtBot, window: MainWindow, row: int) -> None:
    window.lesson_list.setFocus()
    window.lesson_list.setCurrentRow(row)
    qtbot.keyClick(window.lesson_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.lesson_view is not None)
    settle(qtbot, window.ops)


def _inside(widget: QWidget | None, ancestor: QWidget) -> bool:
    return widget is not None and (widget is ancestor or ancestor.isAncestorOf(widget))


def test_page_keys_turn_every_page_from_the_focus_there_is(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    for row in range(window.lesson_list.count()):
        _open_by_keyboard(qtbot, window, row)
        reader = window.lesson_view.reader
        total = len(reader.lesson.pages)
        for expected in range(1, total):
            _press(qtbot, Qt.Key.Key_Right if expected % 2 else Qt.Key.Key_PageDown)
            assert reader.page_index == expected, (reader.lesson.id, expected)
            assert _inside(QApplication.focusWidget(), reader), QApplication.focusWidget()
        for expected in range(total - 2, -1, -1):
            _press(qtbot, Qt.Key.Key_Left if expected % 2 else Qt.Key.Key_PageUp)
            assert reader.page_index == expected, (reader.lesson.id, expected)


class _WindowShows(QObject):
    """Notes every widget shown as a window of its own, however briefly."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(f"{type(watched).__name__} {getattr(watched, 'text', lambda: '')()}".strip())
        return False


def test_opening_every_lesson_makes_no_window_of_its_own(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    before = {id(w) for w in QApplication.topLevelWidgets()}
    spy = _WindowShows()
    QApplication.instance().installEventFilter(spy)
    try:
        for row in range(window.lesson_list.count()):
            window.lesson_list.setCurrentRow(row)
            settle(qtbot, window.ops)
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.shown == []
    assert [w for w in QApplication.topLevelWidgets() if id(w) not in before and w.isVisible()] == []
