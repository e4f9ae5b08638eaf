"""`irtutor preview FOLDER` as an instructor with their own editor uses it: save, and the reader follows."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from irtutor.paths import builtin_lessons_dir
from irtutor.ui.studio.folder_preview import KEPT, NO_PROBLEMS, FolderPreview

LESSON = "nato-origins"
PAGE = "02-the-washington-treaty.md"


def copy_of(tmp_path: Path, *lessons: str) -> Path:
    for name in lessons:
        shutil.copytree(builtin_lessons_dir() / name, tmp_path / "course" / name)
    return tmp_path / "course"


def open_preview(qtbot: QtBot, root: Path, page: int = 1) -> FolderPreview:
    window = FolderPreview(root)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.reader is not None
    window.reader.show_page(page)  # the page the tests edit
    return window


def append(page: Path, text: str) -> int:
    """Add a paragraph at the end of the page, as an editor saves it; the paragraph's line number."""
    lines = [*page.read_text(encoding="utf-8").rstrip("\n").split("\n"), "", text]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def page_text(window: FolderPreview) -> str:
    assert window.reader is not None
    return window.reader.text.toPlainText()


def test_a_saved_paragraph_shows_on_the_same_page_at_the_same_scroll(qtbot: QtBot, tmp_path: Path) -> None:
    lesson = copy_of(tmp_path, LESSON) / LESSON
    window = open_preview(qtbot, lesson)
    assert window.reader is not None and window.windowTitle().startswith("Preview — ")
    assert not window.lesson_picker.isVisible() and window.problems_label.text() == NO_PROBLEMS
    bar = window.reader.body.currentWidget().verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()

    append(lesson / PAGE, "Saved from another editor.")
    qtbot.waitUntil(lambda: "Saved from another editor." in page_text(window))
    assert window.reader.page_index == 1
    qtbot.waitUntil(lambda: bar.value() == scrolled)


def test_a_page_replaced_by_a_rename_still_reloads_each_time(qtbot: QtBot, tmp_path: Path) -> None:
    lesson = copy_of(tmp_path, LESSON) / LESSON
    window = open_preview(qtbot, lesson)
    page = lesson / PAGE
    for n in (1, 2):
        partial = lesson / f".{PAGE}.swp"
        partial.write_text(page.read_text(encoding="utf-8") + f"\nRenamed into place, save {n}.\n", encoding="utf-8")
        os.replace(partial, page)  # as editors save: the watched file is replaced, not written
        qtbot.waitUntil(lambda n=n: f"Renamed into place, save {n}." in page_text(window))


def test_an_unknown_citation_is_a_problem_at_its_line_until_fixed(qtbot: QtBot, tmp_path: Path) -> None:
    lesson = copy_of(tmp_path, LESSON) / LESSON
    window = open_preview(qtbot, lesson)
    assert window.reader is not None
    page = lesson / PAGE
    good = page.read_text(encoding="utf-8")

    line = append(page, "A claim with no source.[^nope]")
    qtbot.waitUntil(lambda: window.problems_list.count() == 1)
    assert window.problems_list.item(0).text().startswith(f"{page}:{line}:24: citation [^nope] names no source")
    assert window.notice.isVisible() and window.notice.text() == KEPT
    assert "A claim with no source." not in page_text(window)  # the last good view stays
    assert window.reader.page_index == 1

    page.write_text(good + "\nA claim with a source.[^nato-treaty]\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "A claim with a source." in page_text(window))
    assert window.problems_list.count() == 0 and window.problems_label.text() == NO_PROBLEMS
    assert not window.notice.isVisible() and window.reader.page_index == 1


def test_a_folder_of_lessons_offers_a_list_to_pick_from(qtbot: QtBot, tmp_path: Path) -> None:
    course = copy_of(tmp_path, LESSON, "nato-enlargement")
    window = open_preview(qtbot, course, page=0)
    assert window.lesson_picker.isVisible() and window.lesson_picker.count() == 2
    title = window.lesson_picker.item(1).text()
    window.lesson_picker.setCurrentRow(1)
    assert window.reader is not None and window.reader.lesson.title == title
    assert window.windowTitle() == f"Preview — {title}" and window.lesson_picker.currentRow() == 1


def test_a_lesson_broken_from_the_start_is_shown_as_students_get_it(qtbot: QtBot, tmp_path: Path) -> None:
    lesson = copy_of(tmp_path, LESSON) / LESSON
    append(lesson / PAGE, "A claim with no source.[^nope]")
    window = open_preview(qtbot, lesson)
    assert window.reader is not None and window.problems_list.count() == 1
    assert window.notice.isVisible() and window.notice.text() != KEPT
