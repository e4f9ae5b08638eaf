"""Practice tries as in Moodle's interactive behaviour: no right answer while tries remain."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from irtutor.ui.quiz_view import QuizView
from tests.ui.driving import create_profile, open_quiz, settle, start_app
from tests.ui.test_quiz_modes import pick


def check(qtbot: QtBot, quiz: QuizView) -> None:
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)


def practice(qtbot: QtBot) -> QuizView:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    return open_quiz(qtbot, window, QuizMode.PRACTICE)


def test_a_wrong_try_shows_only_the_students_own_marks(qtbot: QtBot) -> None:
    quiz = practice(qtbot)
    question = quiz.question_widget.question
    pick(quiz, right=False)
    check(qtbot, quiz)
    shown = quiz.feedback.toPlainText()
    assert shown.startswith("Not quite.") and "Tries left: 2" in shown
    assert question.explanation.split(".")[0] not in shown
    assert set(quiz.question_widget.shown_verdicts().values()) == {"wrong"}  # no "missed" right option
    assert quiz.retry_button.isVisible() and quiz.reveal_button.isVisible()
    quiz.grab().save("/tmp/shots/quiz_wrong_try.png")

    qtbot.mouseClick(quiz.retry_button, Qt.MouseButton.LeftButton)  # the last try, to mend
    assert quiz.question_widget.selection() == quiz.session.state.answered(question.id).response


def test_running_out_of_tries_shows_the_answer(qtbot: QtBot) -> None:
    quiz = practice(qtbot)
    number, question = next((n, q) for n, q in enumerate(quiz.session.questions)
                            if q.kind == "single_choice" and sum(not o.correct for o in q.options) >= 3)
    quiz.go_to(number)
    settle(qtbot, quiz.ops)
    for attempt, option in enumerate(o for o in question.options if not o.correct):
        if attempt == 3:
            break
        if attempt:
            assert question.explanation.split(".")[0] not in quiz.feedback.toPlainText()
            qtbot.mouseClick(quiz.retry_button, Qt.MouseButton.LeftButton)
        quiz.question_widget.buttons[option.id].click()
        check(qtbot, quiz)
    assert question.explanation.split(".")[0] in quiz.feedback.toPlainText()
    assert "missed" in quiz.question_widget.shown_verdicts().values()
    assert not quiz.retry_button.isVisible() and not quiz.reveal_button.isVisible()


def test_show_answer_ends_the_tries(qtbot: QtBot) -> None:
    quiz = practice(qtbot)
    question = quiz.question_widget.question
    pick(quiz, right=False)
    check(qtbot, quiz)
    qtbot.mouseClick(quiz.reveal_button, Qt.MouseButton.LeftButton)
    assert question.explanation.split(".")[0] in quiz.feedback.toPlainText()
    assert "missed" in quiz.question_widget.shown_verdicts().values()
    assert not quiz.retry_button.isVisible()
    assert QApplication.focusWidget() is quiz.next_button
    assert quiz.navigator.buttons[0].property("state") == "wrong"  # revealed: the grid shows its verdict
    quiz.grab().save("/tmp/shots/quiz_shown_answer.png")


def test_a_wrong_typed_answer_keeps_the_right_one_hidden(qtbot: QtBot) -> None:
    quiz = practice(qtbot)
    number = next(n for n, q in enumerate(quiz.session.questions) if q.kind == "numeric")
    quiz.go_to(number)
    settle(qtbot, quiz.ops)
    widget = quiz.question_widget
    widget.edit.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)
    assert not widget.right_answer.isVisible()
    assert "right answer" not in quiz.feedback.toPlainText().lower()
    assert widget.shown_verdicts() == {"answer": "wrong"}
    quiz.grab().save("/tmp/shots/quiz_wrong_typed.png")
