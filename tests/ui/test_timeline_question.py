"""Timeline-placement questions: years typed in spin boxes or set on the axis by mouse, kept in sync,
restored, marked, and saved end to end."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from irtutor.core.grading import grade
from irtutor.core.questions import Item, Question, QuestionKind, Response, TimelineKey
from irtutor.core.quiz_settings import QuizMode
from irtutor.ui.timeline_question import NOT_PLACED, TimelinePlacementQuestionWidget, axis_range
from tests.conftest import FIXTURES
from tests.ui.driving import create_profile, open_quiz, saved_answers, start_app
from tests.ui.test_typed_widgets import stored_responses

EVENTS = (Item("e1", "North Atlantic Treaty signed"), Item("e2", "Soviet Union dissolved"),
          Item("e3", "Russia annexes Crimea"))
QUESTION = Question("place", QuestionKind.TIMELINE_PLACEMENT, "Put each event at its year.",
                    TimelineKey(EVENTS, (1949, 1991, 2014), tolerance_years=1), "", page="")


def make_widget(qtbot: QtBot, question: Question = QUESTION) -> TimelinePlacementQuestionWidget:
    widget = TimelinePlacementQuestionWidget(question)
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def press_at(widget: QWidget, kind: QEvent.Type, at: QPointF) -> None:
    """A mouse event with the left button held (qtbot's mouseMove carries no buttons)."""
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
    QApplication.sendEvent(widget, QMouseEvent(kind, at, widget.mapToGlobal(at), Qt.MouseButton.LeftButton,
                                               buttons, Qt.KeyboardModifier.NoModifier))


def axis_point(widget: TimelinePlacementQuestionWidget, year: int) -> QPointF:
    return QPointF(widget.axis.x_of(year), widget.axis._axis_y())


def test_nothing_is_placed_at_first(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    assert [s.text() for s in widget.spins.values()] == [NOT_PLACED] * 3
    assert widget.selection().is_empty() and widget.axis.years == {}
    assert widget.spins["e1"].accessibleName() == "Year of: North Atlantic Treaty signed"
    low, high = axis_range((1949, 1991, 2014))
    assert low <= 1939 and high >= 2024 and low % 10 == 0 and high % 10 == 0


def test_typing_years_in_the_spin_boxes_places_the_markers(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    spin = widget.spins["e2"]
    spin.setFocus()
    with qtbot.waitSignal(widget.sig_selection_changed) as changed:
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, "1990")
    assert changed.args == [True]
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert widget.selection() == Response(pairs={"e2": "1991"})
    assert widget.axis.years == {"e2": 1991}


def test_clicking_the_axis_places_the_event_of_the_focused_box_then_the_next(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    widget.spins["e1"].setFocus()
    qtbot.mouseClick(widget.axis, Qt.MouseButton.LeftButton, pos=axis_point(widget, 1950).toPoint())
    assert widget.spins["e1"].value() == 1950
    qtbot.mouseClick(widget.axis, Qt.MouseButton.LeftButton, pos=axis_point(widget, 1992).toPoint())
    assert widget.selection() == Response(pairs={"e1": "1950", "e2": "1992"})


def test_dragging_a_marker_moves_its_year_in_the_box(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    widget.spins["e3"].setValue(2000)
    marker = widget.axis.marker_rows()["e3"]
    press_at(widget.axis, QEvent.Type.MouseButtonPress, marker)
    press_at(widget.axis, QEvent.Type.MouseMove, QPointF(widget.axis.x_of(2014), marker.y()))
    press_at(widget.axis, QEvent.Type.MouseButtonRelease, QPointF(widget.axis.x_of(2014), marker.y()))
    assert widget.spins["e3"].value() == 2014 and widget.axis.years == {"e3": 2014}


def test_set_response_restores_the_boxes_and_the_markers(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    widget.set_response(Response(pairs={"e1": "1949", "e3": "2015"}))
    assert widget.selection() == Response(pairs={"e1": "1949", "e3": "2015"})
    assert widget.axis.years == {"e1": 1949, "e3": 2015} and widget.spins["e2"].text() == NOT_PLACED


def test_the_answer_locks_and_shows_each_right_year_with_a_mark(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    response = Response(pairs={"e1": "1950", "e2": "1989"})
    widget.show_answer(response, grade(QUESTION, response))
    assert widget.property("answered")
    assert [widget.verdicts[e].text() for e in ("e1", "e2", "e3")] == ["✓ 1949", "✗ right: 1991", "✗ right: 2014"]
    assert widget.spins["e1"].isReadOnly() and widget.axis.answers == {"e1": 1949, "e2": 1991, "e3": 2014}
    qtbot.mouseClick(widget.axis, Qt.MouseButton.LeftButton, pos=axis_point(widget, 2000).toPoint())
    assert widget.selection() == response


def test_a_placement_answered_by_keyboard_and_mouse_is_saved_end_to_end(qtbot: QtBot) -> None:
    window = start_app(qtbot, roots=[FIXTURES / "lessons"])
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.PRACTICE, lesson_id="visual-kinds")
    quiz.go_to([q.id for q in quiz.session.questions].index("rounds-in-time"))
    widget = quiz.question_widget
    assert isinstance(widget, TimelinePlacementQuestionWidget)
    ids = {e.text: e.id for e in widget.key.events}
    for text, year in (("West Germany joins", "1955"), ("Spain joins", "1982"), ("Poland joins", "1998")):
        spin = widget.spins[ids[text]]
        spin.setFocus()
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, year)
    widget.spins[ids["Finland joins"]].setFocus()
    qtbot.mouseClick(widget.axis, Qt.MouseButton.LeftButton, pos=axis_point(widget, 2023).toPoint())
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(widget.property("answered")))
    assert saved_answers() == [("rounds-in-time", 1, 1.0)]  # 1998 is within the tolerance of a year
    pairs = {ids["West Germany joins"]: "1955", ids["Spain joins"]: "1982", ids["Poland joins"]: "1998",
             ids["Finland joins"]: "2023"}
    assert stored_responses() == [("rounds-in-time", {"pairs": pairs})]
