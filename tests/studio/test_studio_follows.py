"""The student window follows the studio: after a save, an open lesson shows the new text, no restart."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from irtutor.app import lesson_roots
from irtutor.paths import builtin_lessons_dir, instructor_lessons_dir
from tests.ui.driving import create_profile, start_app


def test_a_save_in_the_studio_shows_in_the_students_open_lesson_on_the_same_page(qtbot: QtBot) -> None:
    copy = instructor_lessons_dir() / "nato-origins"
    shutil.copytree(builtin_lessons_dir() / "nato-origins", copy)
    window = start_app(qtbot, lesson_roots())
    create_profile(qtbot, window, "Ana")
    view = window.open_lesson("nato-origins")
    assert view is not None
    view.reader.show_page(1)

    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    studio = window.studio
    assert studio is not None and studio.isVisible()
    qtbot.addWidget(studio, before_close_func=lambda w: w.discard_unsaved())
    assert studio.select_lesson(copy)
    page = studio.draft.page_names[1]
    bench = studio.workbench
    bench.setCurrentWidget(bench.pages_tab)
    bench.page_list.setCurrentRow(1)
    edit = bench.page_editor.edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, "A paragraph the students see after the save.")
    assert studio.save()
    assert "A paragraph the students see" in (copy / page).read_text(encoding="utf-8")

    def shown() -> str:
        reader = window.lesson_view.reader
        return "\n".join([reader.text.toPlainText(), *(c.toPlainText() for c in reader.parts.chunks)])

    qtbot.waitUntil(lambda: "A paragraph the students see after the save." in shown(), timeout=10000)
    assert window.lesson_view.reader.page_index == 1
