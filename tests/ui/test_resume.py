"""Stopping mid-quiz, by closing or by a crash, and carrying on where the student was."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import REPO
from tests.ui.driving import create_profile, open_quiz, saved_answers, start_app


def test_closing_and_reopening_resumes_the_attempt(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window)
    for number in (2, 1):
        quiz.question_widget.press_number(number)
        quiz.check_answer()
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


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_mid_quiz_resumes_with_every_answer(qtbot: QtBot) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.kill_mid_quiz"], cwd=REPO, env=env,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "answered"
    finally:
        child.kill()
        child.wait()
    assert len(saved_answers()) == 3

    window = start_app(qtbot)
    assert window.profile_dialog is None and window.student_button.text() == "Student: Kim"
    quiz = window.open_lesson("nato-origins").quiz
    total = len(quiz.session.questions)
    assert quiz.header.text() == f"Question 4 of {total}"
    assert quiz.progress.text() == f"3 of {total} answered"
    quiz.go_to(1)
    assert quiz.question_widget.buttons["b"].isChecked() and quiz.question_widget.property("answered")


def test_finishing_shows_the_score_and_the_next_attempt_starts_fresh(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window)
    questions = quiz.session.questions
    for question in questions:
        assert not quiz.finish_button.isEnabled()
        for option in question.options:
            if option.correct:
                quiz.question_widget.buttons[option.id].click()
        qtbot.keyClick(quiz, Qt.Key.Key_Return)  # check
        qtbot.keyClick(quiz, Qt.Key.Key_Return)  # next
    assert quiz.finish_button.isEnabled()
    qtbot.mouseClick(quiz.finish_button, Qt.MouseButton.LeftButton)
    assert quiz.pages.currentWidget() is quiz.review_page
    assert f"Score: {len(questions)} of {len(questions)}" in quiz.review_page.text.toPlainText()

    qtbot.mouseClick(quiz.review_page.back_button, Qt.MouseButton.LeftButton)
    assert quiz.start_page.history.count() == 1
    assert quiz.start_page.history.item(0).text().endswith(f"Practice · {len(questions)} of {len(questions)}")
    qtbot.mouseClick(quiz.start_page.practice_button, Qt.MouseButton.LeftButton)
    assert quiz.header.text() == f"Question 1 of {len(questions)}"
    assert quiz.progress.text() == f"0 of {len(questions)} answered"
    assert len(saved_answers()) == len(questions)  # the finished attempt is kept
