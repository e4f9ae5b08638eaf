"""The one funnel for writes from the GUI (Anki's operations pattern).

Each user action that changes saved data runs through `Operations.run`: it calls the service,
shows a clear message if saving failed (the screen keeps what the user did), and broadcasts
once what changed so that only the screens concerned refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from irtutor.core.errors import SaveFailed
from irtutor.ui import messages

T = TypeVar("T")


class Change(Flag):
    NOTHING = 0
    ANSWERS = auto()
    ATTEMPT = auto()
    PROFILES = auto()


class Operations(QObject):
    sig_changed = Signal(object)
    """A write committed; the argument is the Change flags it touched."""

    sig_failed = Signal(str)
    """A write failed; the argument is the message shown to the user."""

    def run(self, parent: QWidget, op: Callable[[], T], on_done: Callable[[T], None] | None = None,
            changes: Change = Change.NOTHING) -> bool:
        """Run `op`; on success call `on_done` with its result and broadcast `changes`."""
        try:
            result = op()
        except SaveFailed as exc:
            self._report(parent, str(exc))
            return False
        if on_done is not None:
            on_done(result)
        if changes:
            self.sig_changed.emit(changes)
        return True

    def _report(self, parent: QWidget, message: str) -> None:
        self.sig_failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, messages.SAVE_FAILED_TITLE, message,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("save-failed")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes file paths and lesson text
        box.open()  # window-modal but non-blocking: the answer stays on screen behind it
