"""Numeric, short-text and cloze questions answered in the real window, by keyboard and by mouse,
with what was saved read back from the SQLite file."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from irtutor.paths import database_path
from irtutor.qtkit.plain_text import plain_tooltip
from irtutor.ui.main_window import MainWindow
from irtutor.ui.quiz_view import QuizView
from irtutor.ui.review_view import ReviewView
from tests.conftest import FIXTURES
from tests.ui.driving import create_profile, open_quiz, saved_answers, settle, start_app, submit_test

LESSON = "berlin-kinds"
NUMERIC, SHORT_TEXT, CLOZE = "airlift-flights", "blockade-by", "blockade-gaps"


def stored_responses() -> list[tuple[str, dict[str, Any]]]:
    """(question_id, response JSON) of every saved answer, straight from the SQLite file."""
    with sqlite3.connect(f"file:{database_path()}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT question_id, response FROM answer ORDER BY id").fetchall()
    return [(question_id, json.loads(response)) for question_id, response in rows]


def quiz_for(qtbot: QtBot, mode: QuizMode = QuizMode.PRACTICE) -> tuple[MainWindow, QuizView]:
    window = start_app(qtbot, roots=[FIXTURES / "lessons"])
    create_profile(qtbot, window, "Ana")
    return window, open_quiz(qtbot, window, mode, lesson_id=LESSON)


def page_down_to(qtbot: QtBot, quiz: QuizView, question_id: str) -> None:
    """Move with PgDn, as a keyboard user does, until `question_id` is on screen."""
    for _ in quiz.session.questions:
        if quiz.question_widget.question.id == question_id:
            return
        qtbot.keyClick(QApplication.focusWidget() or quiz, Qt.Key.Key_PageDown)
    raise AssertionError(f"{question_id} is not in the quiz")


def show(quiz: QuizView, question_id: str) -> None:
    quiz.go_to([q.id for q in quiz.session.questions].index(question_id))


def focused() -> QLineEdit | QComboBox:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit | QComboBox), widget
    return widget


def type_accented(widget: QLineEdit, text: str) -> None:
    """Type `text` key by key, as a keyboard with accented letters does (QTest.keyClicks takes ASCII only)."""
    for char in text:
        key = Qt.Key(ord(char.upper()))
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, char, Qt.KeyboardModifier.NoModifier)


def click_list_item(combo: QComboBox, text: str) -> None:
    """Point at `text` in the open list of `combo` and click it.

    The events go straight to the list, as Qt delivers them there: on the offscreen platform a
    mouse event routed through the window system closes the popup before the list sees it.
    """
    view = combo.view()
    viewport, item = view.viewport(), view.visualRect(view.model().index(combo.findText(text), 0)).center()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, button, held in ((QEvent.Type.MouseMove, none, none), (QEvent.Type.MouseButtonPress, left, left),
                               (QEvent.Type.MouseButtonRelease, left, none)):
        event = QMouseEvent(kind, QPointF(item), QPointF(viewport.mapToGlobal(item)), button, held,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_quiz_keys_still_work_after_a_number_key_and_reach_a_typed_field(qtbot: QtBot) -> None:
    _window, quiz = quiz_for(qtbot)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)  # the chosen option takes the focus
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)  # ...and goes with its question
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)  # so the focus must stay in the quiz
    assert quiz.header.text() == "Question 3 of 8"
    assert focused() is quiz.question_widget.edit


# --- numeric


def test_numeric_by_keyboard_accepts_a_thousands_comma(qtbot: QtBot) -> None:
    _window, quiz = quiz_for(qtbot)
    page_down_to(qtbot, quiz, NUMERIC)
    widget = quiz.question_widget
    field = focused()
    assert field is widget.edit  # the field has the focus: typing needs no click
    assert field.placeholderText() == "Type a number" and widget.unit.text() == "flights"
    assert field.accessibleName() == "About how many flights did the airlift make?"
    assert not quiz.check_button.isEnabled()

    qtbot.keyClicks(field, "277,500")
    assert field.text() == "277,500"  # the digits reached the field, not the 1-9 shortcuts
    assert quiz.check_button.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)

    assert saved_answers() == [(NUMERIC, 1, 1.0)]
    assert stored_responses() == [(NUMERIC, {"text": "277,500"})]
    assert quiz.feedback.toPlainText().startswith("Correct.")
    assert quiz.header.text() == "Question 3 of 8"  # one Enter checked once; it did not also move on
    assert field.isReadOnly() and widget.mark.text() == "✓" and not widget.right_answer.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert quiz.header.text() == "Question 4 of 8"


def test_numeric_by_mouse_marks_a_wrong_unit_wrong_and_shows_the_answer(qtbot: QtBot) -> None:
    _window, quiz = quiz_for(qtbot)
    show(quiz, NUMERIC)
    widget = quiz.question_widget
    click(qtbot, widget.edit)
    qtbot.keyClicks(widget.edit, "277500 km")
    click(qtbot, quiz.check_button)
    settle(qtbot, quiz.ops)

    assert saved_answers() == [(NUMERIC, 0, 0.0)]
    assert stored_responses() == [(NUMERIC, {"text": "277500 km"})]
    feedback = quiz.feedback.toPlainText()
    assert feedback.startswith("Not quite.") and "flights" not in feedback  # tries remain: no answer yet
    assert widget.shown_verdicts() == {"answer": "wrong"} and not widget.right_answer.isVisible()

    click(qtbot, quiz.retry_button)  # the last try, free to mend
    retry = quiz.question_widget
    assert retry is not widget and retry.edit.text() == "277500 km" and not retry.edit.isReadOnly()
    click(qtbot, retry.edit)
    retry.edit.selectAll()
    qtbot.keyClicks(retry.edit, "277 500 flights")
    click(qtbot, quiz.check_button)
    settle(qtbot, quiz.ops)
    question_id, correct, score = saved_answers()[-1]
    assert (question_id, correct, round(score, 2)) == (NUMERIC, 1, 0.67)  # right, less the retry penalty
    assert quiz.feedback.toPlainText().startswith("Correct on try 2")


# --- short text


def test_short_text_by_keyboard_ignores_case_and_accents(qtbot: QtBot) -> None:
    _window, quiz = quiz_for(qtbot)
    page_down_to(qtbot, quiz, SHORT_TEXT)
    field = focused()
    assert field is quiz.question_widget.edit and field.placeholderText() == "Type your answer"
    assert not quiz.question_widget.unit.isVisible()
    type_accented(field, "sóviet ÜNION")
    qtbot.keyClick(field, Qt.Key.Key_Enter)  # the keypad's Enter checks too
    settle(qtbot, quiz.ops)

    assert saved_answers() == [(SHORT_TEXT, 1, 1.0)]
    assert stored_responses() == [(SHORT_TEXT, {"text": "sóviet ÜNION"})]  # kept as typed
    assert quiz.feedback.toPlainText().startswith("Correct.")
    assert quiz.question_widget.mark.text() == "✓"


def test_short_text_by_mouse_shows_partial_credit(qtbot: QtBot) -> None:
    _window, quiz = quiz_for(qtbot)
    show(quiz, SHORT_TEXT)
    widget = quiz.question_widget
    click(qtbot, widget.edit)
    qtbot.keyClicks(widget.edit, "Russia")
    click(qtbot, quiz.check_button)
    settle(qtbot, quiz.ops)

    assert saved_answers() == [(SHORT_TEXT, 0, 0.5)]
    assert stored_responses() == [(SHORT_TEXT, {"text": "Russia"})]
    assert "Soviet Union" not in quiz.feedback.toPlainText()
    click(qtbot, quiz.reveal_button)
    widget = quiz.question_widget
    feedback = quiz.feedback.toPlainText()
    assert feedback.startswith("Partly right (50% of the marks).")
    assert "“Russia” earns 50% of the mark; the full answer is Soviet Union." in feedback
    assert widget.mark.text() == "◐" and widget.right_answer.text() == "Right answer: Soviet Union"


def test_spaces_alone_are_no_answer(qtbot: QtBot) -> None:
    _window, quiz = quiz_for(qtbot)
    page_down_to(qtbot, quiz, NUMERIC)
    qtbot.keyClicks(focused(), "   ")
    assert not quiz.check_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # nothing to check: Enter moves on
    assert saved_answers() == [] and quiz.header.text() == "Question 4 of 8"
    assert focused() is quiz.question_widget.edit  # straight into the next field


# --- cloze


def test_cloze_by_keyboard_tabs_from_gap_to_gap(qtbot: QtBot) -> None:
    _window, quiz = quiz_for(qtbot)
    show(quiz, CLOZE)
    widget = quiz.question_widget
    typed, listed = widget.inputs["g1"], widget.inputs["g2"]
    assert (typed.accessibleName(), listed.accessibleName()) == ("Gap 1 of 2", "Gap 2 of 2")
    assert isinstance(listed, QComboBox) and listed.currentText() == "Choose…"
    assert sorted(listed.itemText(i) for i in range(1, listed.count())) == ["a new treaty", "a tank column",
                                                                           "an airlift"]
    assert focused() is typed
    qtbot.keyClicks(typed, "1948")
    assert typed.text() == "1948"
    assert quiz.check_button.isEnabled()  # one gap filled is an answer that can be checked
    qtbot.keyClick(typed, Qt.Key.Key_Tab)
    assert focused() is listed
    for _ in range(listed.count()):
        if listed.currentText() == "an airlift":
            break
        qtbot.keyClick(listed, Qt.Key.Key_Down)
    assert listed.currentText() == "an airlift"
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)

    assert saved_answers() == [(CLOZE, 1, 1.0)]
    assert stored_responses() == [(CLOZE, {"gaps": {"g1": "1948", "g2": "an airlift"}})]
    assert quiz.feedback.toPlainText().startswith("Correct.")
    assert typed.isReadOnly() and not listed.isEnabled() and not widget.right_answers.isVisible()


def test_cloze_by_mouse_marks_each_gap_and_shows_partial_credit(qtbot: QtBot) -> None:
    _window, quiz = quiz_for(qtbot)
    show(quiz, CLOZE)
    widget = quiz.question_widget
    typed, listed = widget.inputs["g1"], widget.inputs["g2"]
    click(qtbot, typed)
    qtbot.keyClicks(typed, "1948")
    click(qtbot, listed)  # opens the list
    qtbot.waitUntil(listed.view().isVisible)
    click_list_item(listed, "a new treaty")
    assert listed.currentText() == "a new treaty" and not listed.view().isVisible()
    click(qtbot, quiz.check_button)
    settle(qtbot, quiz.ops)

    assert saved_answers() == [(CLOZE, 0, 0.5)]
    assert stored_responses() == [(CLOZE, {"gaps": {"g1": "1948", "g2": "a new treaty"}})]
    assert "airlift" not in quiz.feedback.toPlainText() and not widget.right_answers.isVisible()
    click(qtbot, quiz.reveal_button)
    widget = quiz.question_widget
    typed, listed = widget.inputs["g1"], widget.inputs["g2"]
    feedback = quiz.feedback.toPlainText()
    assert feedback.startswith("Partly right (50% of the marks).")
    assert "Gap 2: an airlift, not “a new treaty”." in feedback
    assert typed.toolTip() == "" and listed.toolTip() == plain_tooltip("Right answer: an airlift")
    assert widget.right_answers.isVisible()
    assert "Gap 2: an airlift" in widget.right_answers.text() and "Gap 1" not in widget.right_answers.text()


def test_choice_gaps_are_shuffled_per_attempt_and_kept_when_resumed(qtbot: QtBot) -> None:
    window, quiz = quiz_for(qtbot)
    orders = set()
    for _ in range(12):  # the right choice comes first in the lesson; attempts must not all show it first
        show(quiz, CLOZE)
        combo = quiz.question_widget.inputs["g2"]
        orders.add(tuple(combo.itemText(i) for i in range(1, combo.count())))
        quiz.start(QuizMode.PRACTICE)
        settle(qtbot, quiz.ops)
    assert len(orders) > 1
    show(quiz, CLOZE)
    combo = quiz.question_widget.inputs["g2"]
    shown = [combo.itemText(i) for i in range(combo.count())]
    window.close()

    again = start_app(qtbot, roots=[FIXTURES / "lessons"])
    quiz = open_quiz(qtbot, again, lesson_id=LESSON)
    combo = quiz.question_widget.inputs["g2"]
    assert [combo.itemText(i) for i in range(combo.count())] == shown


# --- test mode: a saved typed answer comes back


def test_test_mode_restores_typed_answers_when_returning_and_after_reopening(qtbot: QtBot) -> None:
    window, quiz = quiz_for(qtbot, QuizMode.TEST)
    page_down_to(qtbot, quiz, NUMERIC)
    qtbot.keyClicks(focused(), "277 500")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # saves
    settle(qtbot, quiz.ops)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # nothing new: moves on
    assert quiz.question_widget.question.id == SHORT_TEXT
    qtbot.keyClicks(focused(), "USSR")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)
    widget = quiz.question_widget
    assert widget.question.id == NUMERIC
    assert widget.edit.text() == "277 500" and not widget.edit.isReadOnly()  # shown, and still open to change
    assert not quiz.check_button.isEnabled()  # nothing new to save
    show(quiz, CLOZE)
    qtbot.keyClicks(focused(), "1948")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)
    assert stored_responses() == [(NUMERIC, {"text": "277 500"}), (SHORT_TEXT, {"text": "USSR"}),
                                  (CLOZE, {"gaps": {"g1": "1948"}})]
    show(quiz, SHORT_TEXT)
    window.close()

    again = start_app(qtbot, roots=[FIXTURES / "lessons"])
    quiz = open_quiz(qtbot, again, lesson_id=LESSON)
    widget = quiz.question_widget
    assert widget.question.id == SHORT_TEXT and widget.edit.text() == "USSR"
    show(quiz, CLOZE)
    gaps = quiz.question_widget.inputs
    assert gaps["g1"].text() == "1948" and gaps["g2"].currentText() == "Choose…"
    show(quiz, NUMERIC)
    field = quiz.question_widget.edit
    assert field.text() == "277 500"
    click(qtbot, field)
    field.selectAll()
    qtbot.keyClicks(field, "1,949")  # a change of mind after the restart
    assert quiz.check_button.isEnabled()
    click(qtbot, quiz.check_button)
    settle(qtbot, quiz.ops)
    assert stored_responses()[-1] == (NUMERIC, {"text": "1,949"})

    submit_test(qtbot, quiz)
    click(qtbot, quiz.review_page.open_all_button)
    review = quiz.review_page.text.toPlainText()
    assert "Your answer: 1,949" in review and "Right answer: 277500 flights (± 13875)" in review
    assert "Your answer: The blockade began in [1948] and was answered by […]." in review


# --- the review queue


def test_a_typed_question_in_the_review_queue_takes_digits_and_enter(qtbot: QtBot) -> None:
    window, quiz = quiz_for(qtbot)
    show(quiz, NUMERIC)
    qtbot.keyClicks(focused(), "12")
    quiz.check_answer()
    settle(qtbot, quiz.ops)
    soon = datetime.now(UTC) + timedelta(minutes=11)
    view = ReviewView(window.workspace.review_session(window.profile, soon), window.ops, window)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    assert view.question_widget.question.id == NUMERIC
    field = focused()
    qtbot.keyClicks(field, "277500")
    assert field.text() == "277500"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(qtbot, view.ops)
    assert view.feedback.toPlainText().startswith("Correct.")
    assert saved_answers()[-1] == (NUMERIC, 1, 1.0)
    view.close()
