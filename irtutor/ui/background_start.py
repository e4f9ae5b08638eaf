"""Loading the lessons and opening the database on a worker thread, after the first paint.

On a slow USB stick or with hundreds of lessons this takes seconds; on the GUI thread the
window would not repaint or respond meanwhile. Results come back through queued signals, so
the window only ever touches them on its own thread. Any failure, foreseen or not, arrives as
a message: start-up must never stop silently at "Loading lessons...".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class BackgroundStart(QObject):
    sig_lessons_loaded = Signal(object)
    """The Library, as soon as every lesson is read: students can start reading."""

    sig_ready = Signal(object)
    """The Workspace, once the database is open too (or could not be: it then says why)."""

    sig_failed = Signal(str)
    """Start-up failed in a way nobody foresaw; the argument says what, for the user."""

    def start(self, load_library: Callable[[], Any], open_workspace: Callable[[Any], Any]) -> None:
        threading.Thread(target=self._run, args=(load_library, open_workspace), name="irtutor-start",
                         daemon=True).start()

    def _run(self, load_library: Callable[[], Any], open_workspace: Callable[[Any], Any]) -> None:
        try:
            library = load_library()
            self.sig_lessons_loaded.emit(library)
            self.sig_ready.emit(open_workspace(library))
        except BaseException as exc:  # the thread's last word must reach the window
            log.exception("start-up failed")
            self.sig_failed.emit(f"{type(exc).__name__}: {exc}")
