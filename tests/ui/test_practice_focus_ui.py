"""The quiz start page aims practice at what a student got wrong, and lists what they find hard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from tests.ui.driving import create_profile, open_quiz, settle, start_app
from tests.ui.test_quiz_modes import pick


def test_practising_only_the_questions_got_wrong_from_the_start_page(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.PRACTICE)
    first = quiz.session.questions[0].id
    pick(quiz, right=False)
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    qtbot.mouseClick(quiz.next_button, Qt.MouseButton.LeftButton)
    pick(quiz, right=True)
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    quiz.finish()
    settle(qtbot, window.ops)
    qtbot.mouseClick(quiz.review_page.back_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)

    start = quiz.start_page
    choices = [start.focus_choice.itemText(i) for i in range(start.focus_choice.count())]
    total = len(quiz.lesson.questions)
    assert choices == ["All questions", "Only those I got wrong (1)", f"Unseen first ({total - 2} unseen)",
                       "My difficult questions (1)"]
    assert start.difficult_list.isVisible() and start.difficult_list.count() == 1
    assert start.difficult_list.item(0).text().startswith("0% over 1 answer(s): ")

    start.focus_choice.setCurrentIndex(1)
    qtbot.mouseClick(start.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert [q.id for q in quiz.session.questions] == [first]
    assert quiz.header.text() == "Question 1 of 1"
