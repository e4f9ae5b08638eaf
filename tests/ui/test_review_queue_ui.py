"""Spaced review end to end: quiz answers become cards; due cards are reviewed in the real window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from irtutor.ui.review_view import ReviewView
from tests.ui.driving import create_profile, open_quiz, saved_answers, settle, start_app


def answer_first_two(quiz) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The first question answered wrong, the second right; returns their ids."""
    ids = []
    for position, right in ((0, False), (1, True)):
        quiz.go_to(position)
        question = quiz.question_widget.question
        for option in question.options:
            if option.correct == right:
                quiz.question_widget.buttons[option.id].click()
                if not right or question.kind != "multiple_choice":
                    break
        quiz.check_answer()
        ids.append(question.id)
    return ids[0], ids[1]


def test_wrong_answers_come_back_sooner_and_are_reviewed(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.PRACTICE)
    wrong_id, right_id = answer_first_two(quiz)
    settle(qtbot, window.ops)
    assert window.review_button.text() == "Due for review: 0"  # nothing due yet: the wrong one in 10 minutes

    workspace, profile = window.workspace, window.profile
    soon = datetime.now(UTC) + timedelta(minutes=11)
    assert [c.question.id for c in workspace.review_session(profile, soon).cards] == [wrong_id]
    later = datetime.now(UTC) + timedelta(days=30)
    assert {c.question.id for c in workspace.review_session(profile, later).cards} == {wrong_id, right_id}

    view = ReviewView(workspace.review_session(profile, soon), window.ops, window)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(view.isVisible)
    assert view.header.text().startswith("<b>Question 1 of 1</b>")
    question = view.question_widget.question
    number = next(n for n, o in enumerate(view.question_widget.shown_options, start=1) if o.correct)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key(Qt.Key.Key_0 + number))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    settle(qtbot, view.ops)
    assert view.feedback.toPlainText().startswith("Correct.")
    assert saved_answers()[-1][0] == question.id  # the review answer is kept like any other
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "All caught up" in view.header.text()
    assert workspace.review_session(profile, soon).cards == []  # answered right: no longer due soon
    view.close()


def test_the_review_queue_can_aim_at_what_was_got_wrong(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.PRACTICE)
    wrong_id, _right_id = answer_first_two(quiz)
    settle(qtbot, window.ops)
    qtbot.mouseClick(window.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.review_view, ReviewView) and window.review_view.isVisible())
    due = window.review_view
    assert "Nothing is due" in due.header.text()
    qtbot.mouseClick(due.focus_buttons["wrong"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.review_view is not due and window.review_view.isVisible())
    wrong = window.review_view
    assert wrong.session.focus == "wrong" and wrong.focus_buttons["wrong"].isChecked()
    assert [c.question.id for c in wrong.session.cards] == [wrong_id]
    assert wrong.header.text().startswith("<b>Question 1 of 1</b>")
    qtbot.mouseClick(wrong.focus_buttons["difficult"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.review_view is not wrong and window.review_view.isVisible())
    assert [c.question.id for c in window.review_view.session.cards] == [wrong_id]  # 0% on average
    window.review_view.close()
