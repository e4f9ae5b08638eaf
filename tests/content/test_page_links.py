"""Links from a page to another page, of the same lesson or of another: checked at their
position, and followed by the reader."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from irtutor.content.catalog import load_lessons
from tests.conftest import LESSONS


def course_with(tmp_path: Path, extra: str) -> Path:
    root = tmp_path / "lessons"
    shutil.copytree(LESSONS, root)
    page = root / "brics-vs-g7" / "01-from-bric-to-brics.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + extra + "\n", encoding="utf-8")
    return page


def test_the_shipped_course_links_across_lessons() -> None:
    loaded = load_lessons([LESSONS])
    links = [(link.lesson, link.page) for lesson in loaded.lessons for page in lesson.pages for link in page.links]
    assert ("assurances-1990", "04-was-there-a-promise") in links and not loaded.problems


def test_a_link_to_a_missing_lesson_or_page_is_a_positioned_problem_and_the_lesson_still_opens(tmp_path: Path) -> None:
    page = course_with(tmp_path, "See [this](page:nato-orgins/01-a-divided-europe) and [that](page:nato-origins/09-x).")
    loaded = load_lessons([tmp_path / "lessons"])
    line = len(page.read_text(encoding="utf-8").split("\n")) - 1
    messages = sorted(str(p).removeprefix(f"{page}:") for p in loaded.problems)
    assert len(messages) == 2
    assert messages[0].startswith(f"{line}:12: page:nato-orgins/01-a-divided-europe names no lesson 'nato-orgins'")
    assert messages[1].startswith(f"{line}:61: page:nato-origins/09-x: lesson 'nato-origins' has no page '09-x'")
    assert "brics-vs-g7" in {lesson.id for lesson in loaded.lessons}  # only the link is broken


def test_a_link_to_a_missing_page_of_the_same_lesson_is_a_problem_of_that_lesson(tmp_path: Path) -> None:
    page = course_with(tmp_path, "Back to [the start](page:07-none).")
    loaded = load_lessons([tmp_path / "lessons"])
    line = len(page.read_text(encoding="utf-8").split("\n")) - 1
    assert [str(p).removeprefix(f"{page}:")[:45] for p in loaded.problems] == [
        f"{line}:21: page:07-none names no page of this lesson"[:45]]


def test_following_a_link_to_another_lesson_opens_that_page(qtbot: QtBot) -> None:
    from tests.ui.driving import start_app

    window = start_app(qtbot)
    window.profile_dialog.close()
    view = window.open_lesson("nato-enlargement")
    view.reader.follow_link("page:assurances-1990/04-was-there-a-promise")
    opened = window.lesson_view
    assert opened.lesson.id == "assurances-1990"
    assert opened.reader.page_index == opened.lesson.page_number("04-was-there-a-promise")
    assert window.lesson_list.currentItem().text() == opened.lesson.title
