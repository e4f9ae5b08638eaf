"""File → Restore backup…: the list of automatic backups, restoring one, and checking the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from irtutor.core.errors import SaveFailed
from irtutor.services.backups import Backup, Backups, HealthReport

# The dialog's sentences, together (messages.py is edited by others as this lands; move them there).
TITLE = "Restore backup"
INTRO = ("IR Tutor backs up your saved answers once a day and keeps the last ten. Restoring one replaces "
         "everything saved since; what is there now is backed up first, so a restore can be undone.")
NO_BACKUPS = "There are no backups yet; one is made each day IR Tutor starts."
CONFIRM_TITLE = "Restore this backup?"
CONFIRM = ("Replace your saved answers with the backup from {when}?\n\nAnswers given since then will no longer "
           "show; they are kept in a new backup made just before the restore.")
RESTORED = "Restored the backup from {when}. What was there before is in the backup from {safety}."
CHECK_TITLE = "Database check"
CHECK_OK = "No problems found: every page of the database reads correctly and every answer belongs to its attempt."
CHECK_BAD = ("The database has problems:\n\n{problems}\n\nRestore the newest backup that checks out, "
             "or ask for help before answering more questions.")


def when(backup: Backup) -> str:
    """The backup's moment in the computer's own time zone, as people read it."""
    return f"{backup.taken_at.astimezone():%A %d %B %Y, %H:%M:%S}"


def size(backup: Backup) -> str:
    return f"{backup.size / 1024:.0f} KB" if backup.size < 1024 * 1024 else f"{backup.size / 1024 ** 2:.1f} MB"


@contextmanager
def busy() -> Iterator[None]:
    # The work is milliseconds on a classroom-sized database; the cursor covers a slow disk.
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class BackupDialog(QDialog):
    sig_restored = Signal(object)
    """A backup replaced the database; the argument is that Backup. Screens showing saved data reload."""

    def __init__(self, backups: Backups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.setWindowTitle(TITLE)
        self.setObjectName("backup-dialog")
        self.list = QListWidget()
        self.list.setAccessibleName("Backups, newest first")
        self.restore_button = QPushButton("&Restore…")
        self.restore_button.setDefault(True)  # Enter on a chosen backup asks to restore it (and only asks)
        self.check_button = QPushButton("C&heck database")
        self.status = QLabel()
        self.status.setObjectName("backup-status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._build_layout()
        self._connect()
        self._fill()

    def _build_layout(self) -> None:
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.restore_button)
        actions.addWidget(self.check_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.restore_button.clicked.connect(self.confirm_restore)
        self.check_button.clicked.connect(self.check)
        self.list.currentItemChanged.connect(lambda *_: self._update_restore())
        self.buttons.rejected.connect(self.reject)

    def _fill(self) -> None:
        self.list.clear()
        for backup in self.backups.all():
            item = QListWidgetItem(f"{when(backup)}    {size(backup)}")
            item.setData(Qt.ItemDataRole.UserRole, backup)
            self.list.addItem(item)
        if not self.list.count():
            self.status.setText(NO_BACKUPS)
        self._update_restore()

    def _update_restore(self) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    def confirm_restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        backup: Backup = item.data(Qt.ItemDataRole.UserRole)
        box = QMessageBox(QMessageBox.Icon.Question, CONFIRM_TITLE, CONFIRM.format(when=when(backup)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("restore-confirm")
        box.button(QMessageBox.StandardButton.Yes).setText("&Restore")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter must not throw answers away
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self.restore(backup))
        box.open()

    def restore(self, backup: Backup) -> None:
        try:
            with busy():
                safety = self.backups.restore(backup)
        except SaveFailed as exc:
            self.status.setText(str(exc))
            return
        self._fill()
        self.status.setText(RESTORED.format(when=when(backup), safety=when(safety)))
        self.sig_restored.emit(backup)

    def check(self) -> None:
        show_check(self.backups, self)


def show_check(backups: Backups, parent: QWidget) -> QMessageBox:
    """File → Check database: run the check under a busy cursor and show what it found (non-blocking)."""
    with busy():
        report = backups.check()
    icon = QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning
    box = QMessageBox(icon, CHECK_TITLE, check_text(report), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("check-result")
    box.open()
    return box


def check_text(report: HealthReport) -> str:
    return CHECK_OK if report.ok else CHECK_BAD.format(problems="\n".join(report.problems[:10]))
