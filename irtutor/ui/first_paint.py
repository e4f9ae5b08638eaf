"""Running something once a window has really been painted, not merely shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaintWatcher(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            # Let this paint reach the screen before the callback runs.
            QTimer.singleShot(0, self.callback)
        return False


def call_after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    _FirstPaintWatcher(window, callback)
