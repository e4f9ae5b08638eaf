""""Show answer" and flags are kept with the attempt, so they survive closing and reopening the app."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from irtutor.ui.quiz_view import QuizView
from tests.ui.driving import create_profile, open_quiz, settle, start_app
from tests.ui.test_quiz_modes import pick


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_shown_answer_and_a_flag_survive_a_restart(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.PRACTICE)
    first = quiz.question_widget.question
    pick(quiz, right=False)
    click(qtbot, quiz.check_button)
    settle(qtbot, quiz.ops)
    click(qtbot, quiz.reveal_button)  # the tries end here
    settle(qtbot, quiz.ops)
    quiz.go_to(1)
    settle(qtbot, quiz.ops)
    second = quiz.question_widget.question
    click(qtbot, quiz.flag_button)
    settle(qtbot, quiz.ops)
    assert quiz.flag_button.text() == "Remove flag"
    window.close()

    again = start_app(qtbot)
    resumed: QuizView = again.open_lesson("nato-origins").quiz
    settle(qtbot, again.ops)
    again.lesson_view.show_quiz()
    qtbot.waitUntil(resumed.isVisible)
    session = resumed.session
    assert session is not None
    assert session.revealed == {first.id} and session.flagged == {second.id}
    assert resumed.question_widget.question.id == second.id and resumed.flag_button.text() == "Remove flag"
    assert resumed.navigator.buttons[1].text() == "⚑ 2"

    resumed.go_to(0)
    settle(qtbot, again.ops)
    assert not session.can_retry(first.id) and not resumed.retry_button.isVisible()
    assert not resumed.reveal_button.isVisible()
    assert first.explanation.split(".")[0] in resumed.feedback.toPlainText()  # the answer still shown
    assert "missed" in resumed.question_widget.shown_verdicts().values()

    click(qtbot, resumed.flag_button)  # unflagged, and that too is kept
    settle(qtbot, again.ops)
    resumed.go_to(1)
    settle(qtbot, again.ops)
    click(qtbot, resumed.flag_button)
    settle(qtbot, again.ops)
    assert session.flagged == {first.id}
    again.close()

    third = start_app(qtbot)
    settle(qtbot, third.ops)
    view = third.open_lesson("nato-origins")
    settle(qtbot, third.ops)
    assert view is not None and view.quiz.session is not None
    assert view.quiz.session.flagged == {first.id} and view.quiz.session.revealed == {first.id}
