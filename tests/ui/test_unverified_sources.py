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
    assert [s.id for s in unverified] == ["sipri-2025"]  # (imf-ppp-basics, in brics-vs-g7, is the other)
    reader = LessonReader(lesson, lessons)
    qtbot.addWidget(reader)
    page = next(i for i, p in enumerate(lesson.pages) if "sipri-2025" in p.citations)
    reader.show_page(page)
    side = reader.side.toPlainText()
    assert "Trends in World Military Expenditure, 2024" in side
    assert side.count("(Not verified by IR Tutor against the original.)") == 1


def test_further_reading_is_listed_beside_every_page(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.content.minimal_lesson import LESSON_YAML, write_lesson

    lesson_yaml = LESSON_YAML.replace("terms:", "  more:\n    title: A longer book\n    publisher: Press\n"
                                                "further_reading: [more]\nterms:")
    write_lesson(tmp_path / "l", {"lesson.yaml": lesson_yaml})
    loaded = load_lessons([tmp_path / "l"])
    assert loaded.problems == []
    reader = LessonReader(loaded.lessons[0])
    qtbot.addWidget(reader)
    reader.show_page(0)
    side = reader.side.toPlainText()
    assert "Further reading" in side and "Press, “A longer book”." in side
