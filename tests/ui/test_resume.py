"""Stopping mid-quiz, by closing or by a crash, and carrying on where the student was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from irtutor.content.lesson_loader import load_lesson
from tests.conftest import REPO
from tests.right_answers import right_response
from tests.ui.driving import create_profile, open_quiz, saved_answers, settle, start_app


def test_closing_and_reopening_resumes_the_attempt(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window)
    for number in (2, 1):
        quiz.question_widget.press_number(number)
        quiz.check_answer()
        settle(qtbot, quiz.ops)
        qtbot.keyClick(quiz, Qt.Key.Key_Return)
    window.close()

    again = start_app(qtbot)
    quiz = open_quiz(qtbot, again)
    total = len(quiz.session.questions)
    assert quiz.header.text() == f"Question 3 of {total}"
    assert quiz.progress.text() == f"2 of {total} answered"
    assert quiz.question_widget.property("answered") is None
    qtbot.keyClick(quiz, Qt.Key.Key_PageUp)
    qtbot.keyClick(quiz, Qt.Key.Key_PageUp)
    assert quiz.header.text() == f"Question 1 of {total}"
    assert quiz.question_widget.property("answered") is True
    assert quiz.question_widget.buttons["b"].isChecked()
    first_feedback = quiz.feedback.toPlainText()
    assert first_feedback.startswith(("Correct.", "Not quite.", "Partly right"))
    assert len(saved_answers()) == 2


def answer_three_then_kill(*args: str) -> list[dict[str, object]]:
    """Run kill_mid_quiz in a child process, SIGKILL it once it has answered; what it showed and chose."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.kill_mid_quiz", *args], cwd=REPO, env=env,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        seen = json.loads(child.stdout.readline())
    finally:
        child.kill()
        child.wait()
    return seen


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_mid_quiz_resumes_with_every_answer(qtbot: QtBot) -> None:
    answer_three_then_kill()
    assert len(saved_answers()) == 3

    window = start_app(qtbot)
    assert window.profile_dialog is None and window.student_button.text() == "Student: Kim"
    quiz = window.open_lesson("nato-origins").quiz
    settle(qtbot, window.ops)
    total = len(quiz.session.questions)
    assert quiz.header.text() == f"Question 4 of {total}"
    assert quiz.progress.text() == f"3 of {total} answered"
    quiz.go_to(1)
    assert quiz.question_widget.buttons["b"].isChecked() and quiz.question_widget.property("answered")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_shuffled_test_reopens_exactly_as_it_was(qtbot: QtBot, lesson_copy: Path) -> None:
    quiz_file = lesson_copy / "nato-origins" / "quiz.yaml"
    quiz_file.write_text("settings:\n  shuffle_questions: true\n  shuffle_options: true\n"
                         + quiz_file.read_text(encoding="utf-8"), encoding="utf-8")
    seen = answer_three_then_kill(str(lesson_copy), "test")
    lesson, _ = load_lesson(lesson_copy / "nato-origins")
    assert lesson is not None
    file_order = [q.id for q in lesson.questions]
    assert [s["question"] for s in seen] != file_order[:3], "the questions were not shuffled"

    window = start_app(qtbot, [lesson_copy])
    quiz = window.open_lesson("nato-origins").quiz
    settle(qtbot, window.ops)
    total = len(quiz.session.questions)
    assert quiz.session.mode == "test"
    assert quiz.header.text() == f"Question 4 of {total}"
    assert quiz.finish_button.text() == f"Submit test ({total - 3} unanswered)"
    for position, before in enumerate(seen):
        quiz.go_to(position)
        widget = quiz.question_widget
        assert widget.question.id == before["question"]
        assert [o.id for o in getattr(widget, "shown_options", ())] == before["shown"]
        assert widget.selection().to_json() == before["response"]
        assert widget.property("answered") is None  # a test answer stays changeable until submitted
        assert quiz.feedback.toPlainText() == "Answer saved. You can change it until you submit the test."


def test_finishing_shows_the_score_and_the_next_attempt_starts_fresh(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window)
    questions = quiz.session.questions
    for question in questions:
        assert quiz.finish_button.isEnabled()  # practice ends whenever the student likes
        quiz.question_widget.set_response(right_response(question))
        qtbot.keyClick(quiz, Qt.Key.Key_Return)  # check
        settle(qtbot, quiz.ops)
        qtbot.keyClick(quiz, Qt.Key.Key_Return)  # next
    assert quiz.finish_button.isEnabled()
    qtbot.mouseClick(quiz.finish_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    assert quiz.pages.currentWidget() is quiz.review_page
    assert f"Score: {len(questions)} of {len(questions)}" in quiz.review_page.text.toPlainText()

    qtbot.mouseClick(quiz.review_page.back_button, Qt.MouseButton.LeftButton)
    assert quiz.start_page.history.count() == 1
    assert quiz.start_page.history.item(0).text().endswith(f"Practice · {len(questions)} of {len(questions)}")
    qtbot.mouseClick(quiz.start_page.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    assert quiz.header.text() == f"Question 1 of {len(questions)}"
    assert quiz.progress.text() == f"0 of {len(questions)} answered"
    assert len(saved_answers()) == len(questions)  # the finished attempt is kept
