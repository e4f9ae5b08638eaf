"""The operations funnel: storage work off the GUI thread, in order, and every failure said aloud."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from irtutor.core.errors import SaveFailed
from irtutor.ui.ops import Change, Operations
from tests.ui.driving import settle


def screen(qtbot: QtBot) -> tuple[QWidget, Operations]:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return parent, Operations(parent)


def failure_shown(qtbot: QtBot, ops: Operations, parent: QWidget) -> str:
    """The text of the message box the failure brought up, once closed (as the student would)."""
    settle(qtbot, ops)
    box = parent.findChild(QMessageBox, "save-failed")
    assert box is not None and box.isVisible()
    text = box.text()
    box.accept()
    box.setParent(None)  # the next failure brings its own box
    return text


def test_work_runs_in_order_off_the_gui_thread_and_results_come_back_on_it(qtbot: QtBot) -> None:
    parent, ops = screen(qtbot)
    button = QPushButton("Save", parent)
    ran: list[tuple[int, str]] = []
    done: list[tuple[int, str]] = []
    changes: list[Change] = []
    ops.sig_changed.connect(changes.append)
    for n in range(5):
        ops.write(parent, lambda n=n: ran.append((n, threading.current_thread().name)) or n,
                  on_done=lambda n: done.append((n, threading.current_thread().name)), changes=Change.ANSWERS,
                  disable=[button])
    assert not button.isEnabled()  # the action's button is off while its work runs
    settle(qtbot, ops)
    assert [n for n, _ in ran] == list(range(5)) and {name for _, name in ran} == {"irtutor-storage"}
    assert done == [(n, threading.main_thread().name) for n in range(5)]
    assert changes == [Change.ANSWERS] * 5
    assert button.isEnabled()


def test_a_failed_read_and_an_unforeseen_fault_are_both_shown_the_same_way(qtbot: QtBot) -> None:
    parent, ops = screen(qtbot)
    failures: list[str] = []
    ops.sig_failed.connect(failures.append)
    results: list[object] = []

    def unreadable() -> None:
        raise SaveFailed("Could not read your answers in /media/stick/irtutor.db: disk I/O error")

    def broken() -> None:
        raise KeyError("no-such-question")

    ops.read(parent, unreadable, on_done=results.append)
    assert failure_shown(qtbot, ops, parent) == "Could not read your answers in /media/stick/irtutor.db: disk I/O error"
    ops.write(parent, broken, on_done=results.append)
    text = failure_shown(qtbot, ops, parent)
    assert "did not expect" in text and "KeyError: 'no-such-question'" in text
    assert results == [] and len(failures) == 2
