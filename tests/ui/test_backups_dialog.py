"""The Restore backup dialog: lists the backups in local time, restores one after a confirmation, checks the file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from irtutor.core.attempts import StoredAnswer
from irtutor.core.questions import Response
from irtutor.services.backups import Backups
from irtutor.storage.database import open_store
from irtutor.storage.stores import Store
from irtutor.ui.backup_dialog import BackupDialog, when

MONDAY = datetime(2024, 6, 3, 9, 0, 0, tzinfo=UTC)


def questions(store: Store, profile_id: int) -> list[str]:
    return [a.question_id for a in store.open_attempt(profile_id, "nato-origins").answers]


def open_dialog(qtbot: QtBot, backups: Backups) -> BackupDialog:
    dialog = BackupDialog(backups)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_row(qtbot: QtBot, dialog: BackupDialog, row: int) -> None:
    rect = dialog.list.visualItemRect(dialog.list.item(row))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_choosing_a_backup_and_confirming_brings_its_answers_back(qtbot: QtBot, tmp_path: Path) -> None:
    store = open_store(tmp_path / "irtutor.sqlite3")
    profile = store.add_profile("Ana")
    attempt = store.open_attempt(profile.id, "nato-origins")
    for n in range(3):
        store.record_answer(attempt.id, StoredAnswer(f"q{n}", "h" * 64, Response.of("a", "b"), 1.0, True), 100)
    backups = Backups(store, tmp_path / "irtutor.sqlite3")
    monday = backups.create(MONDAY)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM answer WHERE question_id = 'q1'")
    backups.create(MONDAY + timedelta(days=1))
    dialog = open_dialog(qtbot, backups)
    local_monday = MONDAY.astimezone()
    assert dialog.list.count() == 2
    assert dialog.list.item(1).text().startswith(f"{local_monday:%A %d %B %Y, %H:%M:%S}")
    assert dialog.list.item(1).text().endswith(" KB")

    click_row(qtbot, dialog, 1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "restore-confirm")
    assert box is not None and box.isVisible()
    assert when(monday) in box.text()
    with qtbot.waitSignal(dialog.sig_restored) as restored:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    assert restored.args == [monday]
    assert questions(store, profile.id) == ["q0", "q1", "q2"]
    assert dialog.list.count() == 3  # the safety copy taken just before is listed too
    assert when(monday) in dialog.status.text()


def test_cancelling_the_confirmation_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    store = open_store(tmp_path / "irtutor.sqlite3")
    backups = Backups(store, tmp_path / "irtutor.sqlite3")
    backups.create(MONDAY)
    store.add_profile("Ben")
    dialog = open_dialog(qtbot, backups)
    click_row(qtbot, dialog, 0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    box = dialog.findChild(QMessageBox, "restore-confirm")
    assert box is not None and box.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.isVisible()
    assert [p.name for p in store.profiles()] == ["Ben"]
    assert dialog.list.count() == 1


def test_check_database_reports_a_sound_file(qtbot: QtBot, tmp_path: Path) -> None:
    store = open_store(tmp_path / "irtutor.sqlite3")
    store.add_profile("Ana")
    dialog = open_dialog(qtbot, Backups(store, tmp_path / "irtutor.sqlite3"))
    assert not dialog.restore_button.isEnabled()
    assert "no backups yet" in dialog.status.text()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "check-result")
    assert box is not None and box.isVisible()
    assert box.text().startswith("No problems found")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not box.isVisible()
