"""Practice with retries and test mode with a review, driven through the real quiz tab."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from tests.ui.driving import create_profile, open_quiz, saved_answers, settle, start_app, submit_test


def pick(quiz, right: bool) -> None:  # type: ignore[no-untyped-def]
    """Choose the right (or a wrong) answer to the question on screen, by clicking."""
    question = quiz.question_widget.question
    for option in question.options:
        if option.correct == right:
            quiz.question_widget.buttons[option.id].click()
            if not right or question.kind != "multiple_choice":
                return


def test_practice_retry_costs_the_penalty(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.PRACTICE)
    pick(quiz, right=False)
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    assert quiz.feedback.toPlainText().startswith("Not quite.")
    assert quiz.retry_button.isVisible() and quiz.retry_button.text() == "Try again (−33% of the marks)"

    qtbot.mouseClick(quiz.retry_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    assert quiz.question_widget.property("answered") is None and quiz.feedback.toPlainText() == ""
    pick(quiz, right=True)
    qtbot.keyClick(quiz.question_widget, Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)
    assert quiz.feedback.toPlainText().startswith("Correct on try 2: 67% of the marks.")
    assert not quiz.retry_button.isVisible()
    rows = saved_answers()
    assert [(r[1], round(r[2], 2)) for r in rows] == [(0, 0.0), (1, 0.67)]


def test_test_mode_hides_feedback_until_submitted_then_reviews(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.TEST)
    total = len(quiz.session.questions)
    assert quiz.check_button.text() == "Save answer"
    assert quiz.finish_button.text() == f"Submit test ({total} unanswered)"

    pick(quiz, right=False)
    qtbot.keyClick(quiz.question_widget, Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)
    assert quiz.feedback.toPlainText() == "Answer saved. You can change it until you submit the test."
    assert quiz.question_widget.property("answered") is None  # still editable
    pick(quiz, right=True)  # change of mind before submitting
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    qtbot.keyClick(quiz.question_widget, Qt.Key.Key_Return)  # nothing new to save: moves on
    settle(qtbot, quiz.ops)
    assert quiz.header.text() == f"Question 2 of {total}"
    pick(quiz, right=False)
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    assert len(saved_answers()) == 3
    assert quiz.finish_button.text() == f"Submit test ({total - 2} unanswered)"

    asked = submit_test(qtbot, quiz)
    assert asked.startswith("Questions 3, 4, 5") and asked.endswith(f" and {total} have no answer. Submit anyway?")
    qtbot.mouseClick(quiz.review_page.open_all_button, Qt.MouseButton.LeftButton)
    review = quiz.review_page.text.toPlainText()
    assert f"Score: 1 of {total}" in review
    assert review.count("Correct.") == 1 and review.count("Not quite.") == 1
    assert review.count("Not answered.") == total - 2
    assert "Your answer:" in review and "Right answer:" in review


def test_review_links_back_to_the_page(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.TEST)
    submit_test(qtbot, quiz)
    first = window.lesson_view.lesson.questions[0]
    quiz.review_page.text.anchorClicked.emit(QUrl(f"page:{first.page}"))
    view = window.lesson_view
    assert view.tabs.currentWidget() is view.reader
    assert view.reader.page_index == view.lesson.page_number(first.page)
