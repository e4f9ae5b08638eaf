"""The window keeps repainting while saving waits for a database another program has locked."""

from __future__ import annotations

import sqlite3
import threading
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from irtutor.paths import database_path
from tests.ui.driving import create_profile, open_quiz, saved_answers, settle, start_app

LOCK_SECONDS = 2.0


class PaintCounter(QObject):
    """Counts the paint events a widget gets from the GUI event loop while `counting` is set."""

    def __init__(self, counting: threading.Event) -> None:
        super().__init__()
        self.counting, self.paints = counting, 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.counting.is_set():
            self.paints += 1
        return False


def hold_write_lock(locked: threading.Event, released: threading.Event) -> None:
    """Another program's connection: take the write lock, keep it two seconds, let go.

    It sleeps on its own thread, never on the GUI thread: the window must get through the two
    seconds by itself.
    """
    conn = sqlite3.connect(database_path(), isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(LOCK_SECONDS)
        conn.execute("ROLLBACK")
    finally:
        released.set()
        conn.close()


def test_the_window_repaints_while_another_connection_holds_the_write_lock(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window)
    question_id = quiz.session.questions[0].id
    quiz.question_widget.press_number(1)

    # A clock on the status bar, ticked by a GUI-thread timer: it can only repaint if the GUI
    # thread is free to run its event loop.
    clock = QLabel("0")
    window.statusBar().addPermanentWidget(clock)  # (a plain addWidget hides behind "Saving…")
    locked, released = threading.Event(), threading.Event()
    counter = PaintCounter(locked)
    clock.installEventFilter(counter)
    timer = QTimer(window)
    timer.timeout.connect(lambda: clock.setText(str(int(clock.text()) + 1)))
    timer.start(20)

    holder = threading.Thread(target=hold_write_lock, args=(locked, released))
    holder.start()
    qtbot.waitUntil(locked.is_set)
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)

    assert quiz.ops.busy  # the save waits for the lock, on the worker
    assert window.statusBar().currentMessage() == "Saving…"
    assert not quiz.check_button.isEnabled() and not quiz.question_widget.isEnabled()
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
    assert saved_answers() == []  # nothing is committed while the other connection holds the lock

    qtbot.waitUntil(released.is_set, timeout=10000)
    locked.clear()
    assert counter.paints >= 10, "the window stopped repainting while the database was locked"

    settle(qtbot, quiz.ops)
    holder.join()
    timer.stop()
    assert [row[0] for row in saved_answers()] == [question_id]  # committed once the lock was let go
    assert quiz.question_widget.property("answered") is True
    assert quiz.feedback.toPlainText().startswith(("Correct.", "Not quite.", "Partly right"))
    assert window.statusBar().currentMessage() != "Saving…"
    assert QApplication.overrideCursor() is None
