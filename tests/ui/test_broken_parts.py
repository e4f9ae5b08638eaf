"""A typo costs students one page or one question, not the lesson; the instructor still gets file:line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from irtutor.content.catalog import load_lessons
from irtutor.content.lesson_loader import load_lesson
from irtutor.ui.problems_dialog import ProblemsDialog
from tests.content.minimal_lesson import PAGE, QUIZ_YAML, write_lesson
from tests.ui.driving import create_profile, settle, start_app

SECOND = QUIZ_YAML.replace("questions:\n", "").replace("id: q1", "id: q2").replace("page: 01-intro", "page: 09-nowhere")
BAD_PAGE = PAGE + "\nSee [[No such term]].\n"


def _broken(tmp_path: Path) -> Path:
    return write_lesson(tmp_path / "course", {"02-more.md": BAD_PAGE, "quiz.yaml": QUIZ_YAML + SECOND})


def test_students_get_the_lesson_with_a_notice_in_place_of_the_broken_parts(tmp_path: Path) -> None:
    folder = _broken(tmp_path)
    lesson, problems = load_lesson(folder, spare_parts=True)
    assert lesson is not None
    assert [page.slug for page in lesson.pages] == ["01-intro", "02-more"]
    assert "has a mistake in its file" in lesson.pages[1].markdown
    assert "Text about" in lesson.pages[0].markdown
    assert [q.id for q in lesson.questions] == ["q1"] and lesson.left_out_questions == 1
    where = sorted(f"{Path(p.path).name}:{p.line}" for p in problems)
    assert where == ["02-more.md:5", "quiz.yaml:20"]
    strict, strict_problems = load_lesson(folder)
    assert strict is None and strict_problems == problems  # `irtutor check` still says it all
    assert load_lessons([tmp_path / "course"], strict=True).lessons == []


def test_a_typo_in_one_question_s_form_costs_that_question(tmp_path: Path) -> None:
    typo = SECOND.replace("page: 09-nowhere", "page: 01-intro").replace("single_choice", "essay")
    folder = write_lesson(tmp_path, {"quiz.yaml": QUIZ_YAML + typo})
    lesson, problems = load_lesson(folder, spare_parts=True)
    assert lesson is not None and [q.id for q in lesson.questions] == ["q1"] and lesson.left_out_questions == 1
    assert [(Path(p.path).name, p.line) for p in problems] == [("quiz.yaml", 13)]
    assert load_lesson(folder) == (None, problems)


def test_an_unreadable_quiz_leaves_the_reading(tmp_path: Path) -> None:
    lesson, problems = load_lesson(write_lesson(tmp_path, {"quiz.yaml": "questions: [\n"}), spare_parts=True)
    assert lesson is not None and lesson.questions == () and lesson.quiz_unreadable
    assert problems


def test_the_window_shows_the_notices(qtbot: QtBot, tmp_path: Path) -> None:
    _broken(tmp_path)
    window = start_app(qtbot, [tmp_path / "course"])
    create_profile(qtbot, window, "Ana")
    view = window.open_lesson("mini")
    assert view is not None
    settle(qtbot, window.ops)
    assert view.notice.isVisible() and "1 question" in view.notice.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert view.reader.page_index == 1
    assert "has a mistake in its file" in view.reader.text.toPlainText()
    assert window.problems_button.isVisible() and window.problems_button.text() == "⚠ 2 lesson problems"
    view.grab().save(str(tmp_path / "broken-parts.png"))


def test_long_problems_wrap(qtbot: QtBot, tmp_path: Path) -> None:
    folder = _broken(tmp_path)
    _lesson, problems = load_lesson(folder)
    dialog = ProblemsDialog(problems)
    qtbot.addWidget(dialog)
    dialog.resize(500, 360)
    dialog.show()
    qtbot.waitExposed(dialog)
    line = dialog.list.fontMetrics().height()
    rows = [dialog.list.visualItemRect(dialog.list.item(i)) for i in range(dialog.list.count())]
    assert all(rect.height() > line * 1.5 for rect in rows)  # long messages take several lines
    assert all(rect.right() <= dialog.list.viewport().width() for rect in rows)
    assert not dialog.list.horizontalScrollBar().isVisible()
    dialog.grab().save(str(tmp_path / "problems.png"))
