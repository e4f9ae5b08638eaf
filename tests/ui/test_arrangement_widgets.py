"""Matching and ordering questions, answered by keyboard and by mouse in the real window."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.questions import MatchingKey, OrderingKey, Question
from irtutor.core.quiz_settings import AttemptLayout, QuizMode
from irtutor.paths import database_path
from irtutor.ui.arrangement_questions import MatchingQuestionWidget, OrderingQuestionWidget
from irtutor.ui.quiz_view import QuizView
from irtutor.ui.review_view import ReviewView
from tests.conftest import FIXTURES
from tests.ui.driving import activate, create_profile, open_quiz, saved_answers, settle, start_app

LESSONS = FIXTURES / "lessons"
RIGHT_ORDER = ["i1", "i2", "i3"]  # Marshall Plan, blockade, treaty: as the lesson file lists them


def stored_responses() -> list[dict[str, object]]:
    """The response column of every answer, as JSON straight from the SQLite file."""
    with sqlite3.connect(f"file:{database_path()}?mode=ro", uri=True) as conn:
        return [json.loads(r) for (r,) in conn.execute("SELECT response FROM answer ORDER BY id")]


def open_question(qtbot: QtBot, question_id: str, mode: QuizMode = QuizMode.PRACTICE,
                  roots: list[Path] | None = None) -> QuizView:
    window = start_app(qtbot, roots=roots or [LESSONS])
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, mode, lesson_id="berlin-kinds")
    quiz.go_to([q.id for q in quiz.session.questions].index(question_id))
    settle(qtbot, quiz.ops)
    return quiz


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_to(qtbot: QtBot, target: QWidget) -> None:
    """Press Tab until `target` has the keyboard focus, as a student finds a control."""
    for _ in range(40):
        if focused() is target:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def shown_order(widget: OrderingQuestionWidget) -> list[str]:
    return [widget.list.item(row).text() for row in range(widget.list.count())]


def texts(widget: OrderingQuestionWidget) -> dict[str, str]:
    return {item.id: item.text for item in widget.key.items}


# --- matching


def test_matching_by_keyboard_tab_arrows_and_typing(qtbot: QtBot) -> None:
    quiz = open_question(qtbot, "berlin-years")
    widget = quiz.question_widget
    assert isinstance(widget, MatchingQuestionWidget)
    blockade, treaty = widget.combos["l1"], widget.combos["l2"]
    assert blockade.accessibleName() == "Match for: Blockade begins"
    assert blockade.currentText() == "Choose…" and not quiz.check_button.isEnabled()
    assert [blockade.itemText(i) for i in range(1, blockade.count())] == [r.text for r in widget.shown_rights]

    tab_to(qtbot, blockade)
    for _ in range(blockade.findData("r1")):  # arrows step through the years, from "Choose…" to 1948
        qtbot.keyClick(blockade, Qt.Key.Key_Down)
    assert blockade.currentText() == "1948"
    tab_to(qtbot, treaty)
    qtbot.keyClicks(treaty, "1949")  # typing picks the entry, instead of the quiz's number keys
    assert treaty.currentText() == "1949"
    assert quiz.check_button.isEnabled()
    qtbot.keyClick(treaty, Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)

    assert quiz.feedback.toPlainText().startswith("Correct.")
    assert saved_answers() == [("berlin-years", 1, 1.0)]
    assert stored_responses() == [{"pairs": {"l1": "r1", "l2": "r2"}}]
    assert widget.property("answered") and not blockade.isEnabled()
    assert widget.left_labels["l1"].text() == "✓ Blockade begins"
    assert not widget.right_labels["l1"].isVisible()


def test_matching_by_mouse_half_right_earns_half_and_shows_the_right_match(qtbot: QtBot) -> None:
    quiz = open_question(qtbot, "berlin-years")
    widget = quiz.question_widget
    assert isinstance(widget, MatchingQuestionWidget)
    choose(qtbot, widget.combos["l1"], "1948")
    choose(qtbot, widget.combos["l2"], "1945")  # the distractor
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)

    assert quiz.feedback.toPlainText().startswith("Partly right (50% of the marks).")
    assert "1949" not in quiz.feedback.toPlainText()  # tries remain: no right answer yet
    qtbot.mouseClick(quiz.reveal_button, Qt.MouseButton.LeftButton)
    widget = quiz.question_widget
    assert "North Atlantic Treaty signed: 1949, not 1945." in quiz.feedback.toPlainText()
    assert saved_answers() == [("berlin-years", 0, 0.5)]
    assert stored_responses() == [{"pairs": {"l1": "r1", "l2": "r3"}}]
    assert widget.left_labels["l1"].text().startswith("✓")
    assert widget.left_labels["l2"].text() == "✗ North Atlantic Treaty signed"
    assert widget.right_labels["l2"].isVisible() and widget.right_labels["l2"].text() == "→ 1949"
    assert widget.combos["l2"].accessibleDescription() == "Wrong; the right match is 1949."


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Click the list box open, point at the entry and click it, as a mouse user does."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    assert view.isVisible()
    spot = QPointF(view.visualRect(combo.model().index(combo.findText(text), 0)).center())
    # Sent straight to the open list: the offscreen platform deactivates the app when a popup
    # shows, and QTest would first deliver that, closing the popup before the click arrives.
    for kind, buttons in ((QEvent.Type.MouseMove, Qt.MouseButton.NoButton),
                          (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        button = Qt.MouseButton.NoButton if kind is QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        event = QMouseEvent(kind, spot, view.viewport().mapToGlobal(spot), button, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
    assert combo.currentText() == text and not view.isVisible()
    activate(qtbot, combo.window())


# --- ordering


def test_ordering_by_keyboard_alt_arrows_then_enter(qtbot: QtBot) -> None:
    quiz = open_question(qtbot, "berlin-order")
    widget = quiz.question_widget
    assert isinstance(widget, OrderingQuestionWidget)
    assert widget.list.accessibleName() == "Order: first to last"
    assert widget.selection().order != tuple(RIGHT_ORDER)
    assert quiz.check_button.isEnabled()  # the order shown is already an answer
    tab_to(qtbot, widget.list)

    for place, item_id in enumerate(RIGHT_ORDER):  # select each item with arrows, lift it with Alt+Up
        row = widget.selection().order.index(item_id)
        for _ in range(row - widget.list.currentRow()):  # the rest lie below: the last one lifted is current
            qtbot.keyClick(widget.list, Qt.Key.Key_Down)
        assert widget.list.currentRow() == row
        modifier = Qt.KeyboardModifier.AltModifier if place % 2 == 0 else Qt.KeyboardModifier.ControlModifier
        for _ in range(row - place):
            qtbot.keyClick(widget.list, Qt.Key.Key_Up, modifier)
    names = texts(widget)
    assert shown_order(widget) == [f"{n}. {names[i]}" for n, i in enumerate(RIGHT_ORDER, start=1)]
    qtbot.keyClick(widget.list, Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)

    assert quiz.feedback.toPlainText().startswith("Correct.")
    assert saved_answers() == [("berlin-order", 1, 1.0)]
    assert stored_responses() == [{"order": RIGHT_ORDER}]
    assert all(text.startswith("✓ ") for text in shown_order(widget))
    qtbot.keyClick(widget.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # locked now
    assert widget.selection().order == tuple(RIGHT_ORDER)


def test_ordering_by_mouse_buttons_all_or_nothing_marks_each_place(qtbot: QtBot) -> None:
    quiz = open_question(qtbot, "berlin-order")
    widget = quiz.question_widget
    assert isinstance(widget, OrderingQuestionWidget)
    names = texts(widget)
    lift_to_top(qtbot, widget, "i3")
    lift_to_top(qtbot, widget, "i1")  # from below the treaty: it moves at least once
    assert not widget.up_button.isEnabled() and widget.down_button.isEnabled()  # first already
    assert widget.list.accessibleDescription() == f"Moved “{names['i1']}” to position 1 of 3."
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)

    # Marshall Plan first is one right place, but this question is graded all or nothing.
    feedback = quiz.feedback.toPlainText()
    assert feedback.startswith("Not quite.")
    assert saved_answers() == [("berlin-order", 0, 0.0)]
    assert stored_responses() == [{"order": ["i1", "i3", "i2"]}]
    assert not widget.right_order.isVisible()  # tries remain: no right order yet
    qtbot.mouseClick(quiz.reveal_button, Qt.MouseButton.LeftButton)
    widget = quiz.question_widget
    assert shown_order(widget) == [f"✓ 1. {names['i1']}", f"✗ 2. {names['i3']}", f"✗ 3. {names['i2']}"]
    right = " → ".join(names[i] for i in RIGHT_ORDER)
    assert widget.right_order.isVisible() and widget.right_order.text() == f"The right order: {right}"
    assert not widget.up_button.isEnabled() and not widget.down_button.isEnabled()


def lift_to_top(qtbot: QtBot, widget: OrderingQuestionWidget, item_id: str) -> None:
    """Click the item, then Move up until it is first."""
    row = widget.selection().order.index(item_id)
    rect = widget.list.visualItemRect(widget.list.item(row))
    qtbot.mouseClick(widget.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.list.currentRow() == row
    for _ in range(row):
        qtbot.mouseClick(widget.up_button, Qt.MouseButton.LeftButton)
    assert widget.selection().order[0] == item_id


def test_ordering_partial_credit_under_absolute_position(qtbot: QtBot, tmp_path: Path) -> None:
    lessons = tmp_path / "lessons"
    shutil.copytree(LESSONS, lessons)
    quiz_file = lessons / "berlin-kinds" / "quiz.yaml"
    quiz_file.write_text(quiz_file.read_text(encoding="utf-8").replace(
        "grading: all_or_nothing", "grading: absolute_position"), encoding="utf-8")
    quiz = open_question(qtbot, "berlin-order", roots=[lessons])
    widget = quiz.question_widget
    assert isinstance(widget, OrderingQuestionWidget)
    lift_to_top(qtbot, widget, "i3")
    lift_to_top(qtbot, widget, "i1")  # Marshall Plan, treaty, blockade: one item in its place
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)

    assert quiz.feedback.toPlainText().startswith("Partly right (33% of the marks).")
    assert [(q, c, round(s, 2)) for q, c, s in saved_answers()] == [("berlin-order", 0, 0.33)]


def test_ordering_resumes_as_left_and_restores_a_saved_order(qtbot: QtBot) -> None:
    quiz = open_question(qtbot, "berlin-order", QuizMode.TEST)
    widget = quiz.question_widget
    assert isinstance(widget, OrderingQuestionWidget)
    first_look = shown_order(widget)
    window = quiz.window()
    window.close()

    again = start_app(qtbot, roots=[LESSONS])
    quiz = open_quiz(qtbot, again, lesson_id="berlin-kinds")
    widget = quiz.question_widget
    assert isinstance(widget, OrderingQuestionWidget)
    assert shown_order(widget) == first_look  # the same attempt looks the same
    tab_to(qtbot, widget.list)
    qtbot.keyClick(widget.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    moved = shown_order(widget)
    assert moved != first_look and moved[1].endswith(first_look[0].partition(". ")[2])
    qtbot.keyClick(widget.list, Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)
    assert quiz.feedback.toPlainText() == "Answer saved. You can change it until you submit the test."
    saved = stored_responses()
    assert len(saved) == 1 and saved[0]["order"] == list(widget.selection().order)
    again.close()

    third = start_app(qtbot, roots=[LESSONS])
    quiz = open_quiz(qtbot, third, lesson_id="berlin-kinds")
    assert shown_order(quiz.question_widget) == moved  # the saved order, still changeable
    assert quiz.question_widget.property("answered") is None


# --- the starting order


def fixture_question(question_id: str) -> Question:
    lesson, problems = load_lesson(LESSONS / "berlin-kinds")
    assert lesson is not None and not problems
    return next(q for q in lesson.questions if q.id == question_id)


def test_ordering_never_starts_solved_even_when_the_shuffle_would(qtbot: QtBot) -> None:
    question = fixture_question("berlin-order")
    assert isinstance(question.key, OrderingKey)
    ids = question.key.ids
    seed = next(s for s in range(1000) if AttemptLayout(s, ()).arrange(question.id, ids, always=True) == ids)
    for layout in (AttemptLayout(seed, (question.id,)), None):  # a solving shuffle; the review queue's none
        widget = OrderingQuestionWidget(question, layout)
        qtbot.addWidget(widget)
        again = OrderingQuestionWidget(question, layout)
        qtbot.addWidget(again)
        assert widget.selection().order != ids
        assert again.selection().order == widget.selection().order  # the same every time


def test_review_queue_can_check_an_order_without_moving(qtbot: QtBot) -> None:
    quiz = open_question(qtbot, "berlin-order")
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)  # never starts solved: wrong
    settle(qtbot, quiz.ops)
    assert saved_answers() == [("berlin-order", 0, 0.0)]
    window = quiz.window()
    session = window.workspace.review_session(window.profile, datetime.now(UTC) + timedelta(minutes=11))
    view = ReviewView(session, window.ops, window)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    widget = view.question_widget
    assert isinstance(widget, OrderingQuestionWidget)
    assert widget.selection().order != tuple(RIGHT_ORDER) and view.check_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    settle(qtbot, view.ops)
    assert view.feedback.toPlainText().startswith("Not quite.")
    assert saved_answers()[-1] == ("berlin-order", 0, 0.0)
    view.close()


def test_every_match_box_lists_every_right_distractors_included(qtbot: QtBot) -> None:
    question = fixture_question("berlin-years")
    assert isinstance(question.key, MatchingKey)
    widget = MatchingQuestionWidget(question)
    qtbot.addWidget(widget)
    for combo in widget.combos.values():
        assert sorted(combo.itemText(i) for i in range(1, combo.count())) == ["1945", "1948", "1949"]
