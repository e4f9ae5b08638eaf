"""The one funnel for storage work from the GUI (Anki's operations pattern), off the GUI thread.

Every read and write of saved data goes through `Operations.read` or `Operations.write`. The
work runs on one worker thread, in the order it was asked for (an answer is never overtaken
by the move to the next question), so the window keeps repainting while a slow USB stick
fsyncs or another copy of IR Tutor holds the database's write lock. Meanwhile the funnel shows
that it is busy: a wait cursor, a line on the status bar, and the widgets of the action
disabled (which also stops a second click from saving twice). The result comes back on the GUI
thread to `on_done`; a failure, foreseen (SaveFailed) or not, always becomes a message box,
never silence. A write then broadcasts once what changed, so only the screens concerned refresh.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Flag, auto
from functools import partial
from queue import SimpleQueue
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from irtutor.core.errors import SaveFailed
from irtutor.ui import messages

log = logging.getLogger(__name__)


class Change(Flag):
    NOTHING = 0
    ANSWERS = auto()
    ATTEMPT = auto()
    PROFILES = auto()


@dataclass(eq=False)
class _Job:
    op: Callable[[], Any]
    parent: QWidget
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[], None] | None
    changes: Change | None
    """None for a read; a write's flags (possibly NOTHING) otherwise."""
    disabled: list[QWidget | QAction] = field(default_factory=list)
    """The widgets switched off while the job runs."""
    focus: QWidget | None = None
    """Where the keyboard was: a disabled widget loses the focus, and a keyboard user their place."""
    result: Any = None
    error: str | None = None

    @property
    def busy_text(self) -> str:
        return messages.LOADING if self.changes is None else messages.SAVING


def _work(jobs: SimpleQueue[_Job | None], finished: Any) -> None:
    """The worker thread: run each job in turn and send it back; a None job ends the thread."""
    while (job := jobs.get()) is not None:
        try:
            job.result = job.op()
        except SaveFailed as exc:
            job.error = str(exc)
        except Exception as exc:  # an unforeseen fault must reach the student, not die with the thread
            log.exception("storage operation failed")
            job.error = messages.UNEXPECTED_ERROR.format(error=f"{type(exc).__name__}: {exc}")
        try:
            finished.emit(job)
        except RuntimeError:  # the window that asked is gone, and nobody is left to tell
            return


class Operations(QObject):
    sig_changed = Signal(object)
    """A write committed; the argument is the Change flags it touched."""

    sig_failed = Signal(str)
    """A read or write failed; the argument is the message shown to the user."""

    sig_busy = Signal(str)
    """Work started or ended: what the status bar should say ("Saving…"), or "" once all is done."""

    _sig_finished = Signal(object)
    # Emitted on the worker thread; the connection queues the job to the GUI thread.

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: SimpleQueue[_Job | None] = SimpleQueue()
        self._pending: list[_Job] = []
        self._held: dict[QWidget | QAction, tuple[int, bool]] = {}
        # Per widget switched off: by how many pending jobs, and whether it was on before the first.
        self._sig_finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._worker = threading.Thread(target=_work, args=(self._jobs, self._sig_finished),
                                        name="irtutor-storage", daemon=True)
        self._worker.start()
        self.destroyed.connect(partial(self._jobs.put, None))  # no idle thread outlives its window

    @property
    def busy(self) -> bool:
        """Some work was asked for and its result has not yet been handed back."""
        return bool(self._pending)

    def write(self, parent: QWidget, op: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
              changes: Change = Change.NOTHING, *, disable: Sequence[QWidget | QAction] = (),
              on_failed: Callable[[], None] | None = None) -> None:
        """Run `op`, which saves something; then call `on_done` with its result and broadcast `changes`.

        `disable` lists the widgets of the action, switched off until the result is back;
        `on_failed` runs after the message when the screen must step back (not to report it).
        """
        self._submit(_Job(op, parent, on_done, on_failed, changes), disable)

    def read(self, parent: QWidget, op: Callable[[], Any], on_done: Callable[[Any], None], *,
             disable: Sequence[QWidget | QAction] = (), on_failed: Callable[[], None] | None = None) -> None:
        """Run `op`, which only reads, and hand its result to `on_done`; failures as for `write`."""
        self._submit(_Job(op, parent, on_done, on_failed, None), disable)

    def shutdown(self) -> None:
        """Finish the work already asked for (an answer in flight is saved), then stop the worker."""
        self._jobs.put(None)
        self._worker.join()

    def _submit(self, job: _Job, disable: Sequence[QWidget | QAction]) -> None:
        if not self._worker.is_alive():
            log.warning("storage work asked for after shutdown, dropped: %r", job.op)
            return  # the window is closing; nobody is left to show a result to
        job.focus = QApplication.focusWidget() if disable else None
        for widget in disable:
            count, was_enabled = self._held.get(widget, (0, widget.isEnabled()))
            self._held[widget] = (count + 1, was_enabled)
            widget.setEnabled(False)
            job.disabled.append(widget)
        if not self._pending:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._pending.append(job)
        self.sig_busy.emit(job.busy_text)
        self._jobs.put(job)

    def _finish(self, job: _Job) -> None:
        for widget in job.disabled:
            count, was_enabled = self._held.pop(widget)
            if count > 1:
                self._held[widget] = (count - 1, was_enabled)  # still off for a later job
            elif shiboken6.isValid(widget):
                widget.setEnabled(was_enabled)
        if job.focus is not None and shiboken6.isValid(job.focus) and job.focus.isEnabled():
            job.focus.setFocus()  # before `on_done`, which may move it on (to "Next question")
        try:
            self._deliver(job)
        finally:
            self._pending.remove(job)
            self.sig_busy.emit(self._pending[0].busy_text if self._pending else "")
            if not self._pending:
                QApplication.restoreOverrideCursor()

    def _deliver(self, job: _Job) -> None:
        # A screen closed while its work ran gets no result, but what was saved is still announced.
        alive = shiboken6.isValid(job.parent)
        if job.error is not None:
            self.sig_failed.emit(job.error)
            if alive:
                self._report(job.parent, job.error, messages.SAVE_FAILED_TITLE if job.changes is not None
                             else messages.READ_FAILED_TITLE)
                if job.on_failed is not None:
                    job.on_failed()
            return
        if alive and job.on_done is not None:
            job.on_done(job.result)
        if job.changes:
            self.sig_changed.emit(job.changes)

    def _report(self, parent: QWidget, message: str, title: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("save-failed")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes file paths and lesson text
        box.open()  # window-modal but non-blocking: the answer stays on screen behind it
