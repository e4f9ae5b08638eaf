"""Start-up never stops at "Loading lessons...": each fault is a message, the good lessons open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from irtutor.paths import database_path
from irtutor.storage.database import open_store
from irtutor.ui.background_start import BackgroundStart
from irtutor.ui.main_window import MainWindow
from tests.conftest import LESSONS
from tests.content.minimal_lesson import LESSON_YAML, PAGE, write_lesson
from tests.ui.driving import activate, create_profile, open_quiz, start_app

BAD_LESSONS = {
    "impossible-date": {"lesson.yaml": LESSON_YAML + "facts_as_of: 2026-13-45\n"},
    "5000-digit-integer": {"lesson.yaml": LESSON_YAML.replace("order: 1", "order: " + "9" * 5000)},
    "superscript-year": {"01-intro.md": PAGE + "\n```{map} enlargement year=²⁰²⁴\n```\n"},
    "billion-laughs": {"lesson.yaml": LESSON_YAML + "a: &a [x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join(['*a' if i == 1 else f'*a{i - 1}'] * 8)}]\n" for i in range(1, 10))},
}


def box_named(window: MainWindow, name: str) -> QMessageBox | None:
    box = window.findChild(QMessageBox, name)
    return box if box is not None and box.isVisible() else None


@pytest.mark.parametrize("files", BAD_LESSONS.values(), ids=BAD_LESSONS.keys())
def test_a_bad_lesson_beside_good_ones_is_a_problem_and_the_rest_open(
        qtbot: QtBot, tmp_path: Path, files: dict[str, str]) -> None:
    write_lesson(tmp_path / "bad", files)
    window = start_app(qtbot, [LESSONS, tmp_path / "bad"])
    assert window.lesson_list.count() == 7 + ("01-intro.md" in files)  # a broken page costs only the page
    assert window.problems_button.isVisible() and window.problems_button.text() == "⚠ 1 lesson problem"
    assert window.open_lesson("nato-origins") is not None
    window.profile_dialog.close()


def test_a_database_from_a_newer_version_is_explained_and_lessons_still_open(qtbot: QtBot) -> None:
    open_store(database_path()).engine.dispose()
    with sqlite3.connect(database_path()) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    window = start_app(qtbot)
    box = box_named(window, "storage-failed")
    assert box is not None and "written by a newer version of IR Tutor" in box.text()
    box.close()
    view = window.open_lesson("nato-origins")
    assert view is not None and view.reader.page_label.text().startswith("Page 1 of")
    with sqlite3.connect(database_path()) as conn:  # left as it was found
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999_from_the_future",)]


def test_lessons_can_be_read_while_the_database_is_still_locked_by_another_program(qtbot: QtBot) -> None:
    open_store(database_path()).engine.dispose()
    holder = sqlite3.connect(database_path(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing: our start must wait for it
    try:
        window = MainWindow([])
        qtbot.addWidget(window)
        from irtutor.app import load_library, open_workspace

        start = BackgroundStart(window)
        start.sig_lessons_loaded.connect(window.attach_library)
        start.sig_ready.connect(window.attach)
        start.start(lambda: load_library([LESSONS]), open_workspace)
        window.show()
        qtbot.waitUntil(lambda: window.library is not None, timeout=15000)
        assert window.workspace is None and window.lesson_list.count() == 7
        view = window.open_lesson("nato-origins")
        assert view is not None
        view.show_quiz()
        assert view.quiz.notice.text() == "Opening your saved answers…"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15000)
    assert window.workspace.store is not None
    assert view.quiz.notice.text() != "Opening your saved answers…"
    qtbot.waitUntil(lambda: window.profile_dialog is not None and window.profile_dialog.isVisible())
    window.profile_dialog.close()


def test_a_fault_nobody_foresaw_is_a_message_not_a_silent_stop(qtbot: QtBot) -> None:
    window = MainWindow([])
    qtbot.addWidget(window)
    window.show()
    start = BackgroundStart(window)
    start.sig_failed.connect(window.start_failed)
    start.start(lambda: {}["no such key"], lambda library: library)
    qtbot.waitUntil(lambda: box_named(window, "storage-failed") is not None, timeout=5000)
    box = box_named(window, "storage-failed")
    assert box.windowTitle() == "IR Tutor could not finish starting" and "KeyError: 'no such key'" in box.text()
    assert window.statusBar().currentMessage() == "Start-up did not finish; see the message."
    box.close()


def test_a_second_copy_on_the_same_data_folder_says_so(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    other_copy = QLockFile(str(data_dir / "irtutor.lock"))
    assert other_copy.tryLock(0)
    try:
        window = start_app(qtbot)
        box = box_named(window, "already-open")
        assert box is not None and "already open with the same answers folder" in box.text()
        box.close()
        assert window.workspace is not None and window.workspace.store is not None  # it still works
        window.profile_dialog.close()
    finally:
        other_copy.unlock()


def test_the_first_copy_says_nothing_and_takes_a_daily_backup(qtbot: QtBot, data_dir: Path) -> None:
    window = start_app(qtbot)
    assert box_named(window, "already-open") is None
    assert window.restore_action.isEnabled() and window.check_database_action.isEnabled()
    assert len(list((data_dir / "backups").glob("irtutor-*.sqlite3"))) == 1
    window.profile_dialog.close()


def test_the_welcome_page_stays_until_a_lesson_is_picked(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    window.profile_dialog.close()
    activate(qtbot, window)
    window.lesson_list.setFocus()
    qtbot.waitUntil(window.lesson_list.hasFocus)
    assert window.lesson_view is None and window.stack.currentWidget() is window.welcome
    qtbot.keyClick(window.lesson_list, Qt.Key.Key_Down)
    assert window.lesson_view is not None and window.stack.currentWidget() is window.lesson_view


def test_a_missing_data_file_costs_its_figures_not_the_lessons(qtbot: QtBot, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from tests.conftest import FIXTURES, REPO

    resources = tmp_path / "resources"
    shutil.copytree(REPO / "resources", resources)
    (resources / "data" / "nato_members.csv").unlink()
    monkeypatch.setenv("IRTUTOR_RESOURCE_DIR", str(resources))
    window = start_app(qtbot, [LESSONS, FIXTURES / "lessons" / "visual-kinds"])
    create_profile(qtbot, window, "Ana")
    assert window.lesson_list.count() == 8 and window.problems_button.text() == "⚠ 1 lesson problem"
    view = window.open_lesson("nato-enlargement")
    assert view is not None
    failed = [label for label in view.findChildren(QLabel, "figure-failed") if label.isVisible()]
    assert failed and "nato_members.csv" in failed[0].text()
    quiz = open_quiz(qtbot, window, lesson_id="visual-kinds")  # its first question is on the map
    shown = [label.text() for label in quiz.findChildren(QLabel) if label.isVisible()]
    assert any("nato_members.csv" in text for text in shown), shown
