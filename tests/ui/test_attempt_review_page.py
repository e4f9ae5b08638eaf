"""The review of a finished attempt: a grid coloured by verdict, marks and percent, rows that open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from irtutor.core.verdicts import Verdict
from irtutor.ui.question_base import VERDICT_COLOUR, VERDICT_COLOUR_DARK
from irtutor.ui.theme import Theme
from tests.ui.driving import create_profile, open_quiz, settle, start_app, submit_test
from tests.ui.test_quiz_modes import pick


def test_the_review_scans_and_opens_to_per_part_verdicts(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.TEST)
    total = len(quiz.session.questions)
    pick(quiz, right=True)
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    qtbot.mouseClick(quiz.navigator.buttons[1], Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    wrong = next(o for o in quiz.question_widget.question.options if not o.correct)
    quiz.question_widget.buttons[wrong.id].click()
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    submit_test(qtbot, quiz)

    page = quiz.review_page
    assert page.isVisible()
    text = page.text.toPlainText()
    assert f"Score: 1 of {total} ({round(100 / total)}%)" in text
    assert [b.property("state") for b in page.navigator.buttons[:3]] == ["right", "wrong", "unanswered"]
    assert "Your answer:" not in text  # closed rows: one line of verdict and one of prompt each
    assert "✓ Correct." in text and "✗ Not quite." in text and "Not answered." in text

    qtbot.mouseClick(page.navigator.buttons[1], Qt.MouseButton.LeftButton)  # opens question 2
    text = page.text.toPlainText()
    assert text.count("Your answer:") == 1
    assert f"✗ Wrong {wrong.text}" in text.replace(" — ", " ")  # the core's verdict on the chosen option
    page.grab().save("/tmp/shots/attempt_review.png")
    page.text.anchorClicked.emit(page.text.document().baseUrl().resolved("toggle:2"))
    assert "Your answer:" not in page.text.toPlainText()

    window.set_theme(Theme.DARK)  # the verdicts take the tints that keep their contrast on dark
    qtbot.waitUntil(lambda: VERDICT_COLOUR_DARK[Verdict.WRONG] in page.text.toHtml())
    assert VERDICT_COLOUR[Verdict.WRONG] not in page.text.toHtml()
    window.set_theme(Theme.LIGHT)
    qtbot.waitUntil(lambda: VERDICT_COLOUR[Verdict.WRONG] in page.text.toHtml())
