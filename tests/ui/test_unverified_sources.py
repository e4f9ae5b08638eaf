"""A source read only through reports of it is marked as such wherever students see it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from irtutor.content.catalog import load_lessons
from irtutor.ui.lesson_reader import LessonReader
from tests.conftest import LESSONS


def test_a_source_not_checked_against_the_original_says_so_in_the_reader(qtbot: QtBot) -> None:
    lessons = load_lessons([LESSONS]).lessons
    lesson = next(x for x in lessons if x.id == "us-russia-talks")
    unverified = [s for s in lesson.sources if not s.verified]
    assert [s.id for s in unverified] == ["sipri-2025"]
    reader = LessonReader(lesson, lessons)
    qtbot.addWidget(reader)
    page = next(i for i, p in enumerate(lesson.pages) if "sipri-2025" in p.citations)
    reader.show_page(page)
    side = reader.side.toPlainText()
    assert "Trends in World Military Expenditure, 2024" in side
    assert side.count("(Not verified by IR Tutor against the original.)") == 1
