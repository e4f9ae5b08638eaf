"""Map-selection questions: countries picked by mouse and by keyboard, restored, marked, and saved
end to end in the real window from the visual-kinds fixture lesson."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from irtutor.core.grading import grade
from irtutor.core.questions import MapKey, Question, QuestionKind, Response
from irtutor.core.quiz_settings import QuizMode
from irtutor.ui.map_question import MapSelectionQuestionWidget
from tests.conftest import FIXTURES
from tests.ui.driving import create_profile, open_quiz, saved_answers, start_app
from tests.ui.test_typed_widgets import stored_responses

NINETY_NINE = Question("joined-1999", QuestionKind.MAP_SELECTION, "Click every country that joined NATO in 1999.",
                       MapKey(("POL", "CZE", "HUN"), 1999), "Poland, Czechia and Hungary.", "01-rounds")


def shown(qtbot: QtBot) -> MapSelectionQuestionWidget:
    widget = MapSelectionQuestionWidget(NINETY_NINE)
    widget.resize(1000, 640)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()  # the keyboard tests need focus, as in a window the student is using
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def click_country(qtbot: QtBot, widget: MapSelectionQuestionWidget, iso3: str) -> None:
    """A left click in the middle of the country's largest piece, as a student clicks it."""
    view = widget.view
    largest = max(view.paths[iso3].path().toSubpathPolygons(), key=lambda p: p.boundingRect().width())
    point: QPoint = view.mapFromScene(largest.boundingRect().center())
    assert view.country_at(point) == iso3
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def tick_by_keyboard(qtbot: QtBot, widget: MapSelectionQuestionWidget, text: str) -> None:
    """Type in the filter, Enter to the list, Space to tick the first match."""
    box = widget.country_list.filter
    box.setFocus()
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is widget.country_list.view
    qtbot.keyClick(widget.country_list.view, Qt.Key.Key_Space)


def checked(widget: MapSelectionQuestionWidget) -> set[str]:
    return {iso3 for iso3, row in widget.country_list.rows.items() if row.checkState() == Qt.CheckState.Checked}


def test_mouse_and_keyboard_select_the_same_way(qtbot: QtBot) -> None:
    widget = shown(qtbot)
    with qtbot.waitSignal(widget.sig_selection_changed) as changed:
        click_country(qtbot, widget, "POL")
    assert changed.args == [True]
    tick_by_keyboard(qtbot, widget, "Hung")
    assert widget.selection() == Response(selected=frozenset({"POL", "HUN"}))
    assert checked(widget) == {"POL", "HUN"}  # the list mirrors map clicks
    assert widget.view.fill_of("HUN") == widget.view.fill_of("POL") != widget.view.fill_of("CZE")
    click_country(qtbot, widget, "HUN")  # a second click clears it, on the map and in the list
    assert widget.selection().selected == {"POL"} and checked(widget) == {"POL"}
    assert "1 selected: Poland" in widget.status.text()


def test_no_membership_colours_that_would_give_the_answer_away(qtbot: QtBot) -> None:
    widget = shown(qtbot)
    assert len({widget.view.fill_of(iso3) for iso3 in widget.view.paths}) == 1


def test_set_response_restores_without_counting_as_a_change(qtbot: QtBot) -> None:
    widget = shown(qtbot)
    with qtbot.assertNotEmitted(widget.sig_selection_changed):
        widget.set_response(Response(selected=frozenset({"CZE", "EST"})))
    assert widget.selection().selected == {"CZE", "EST"} and checked(widget) == {"CZE", "EST"}


def test_the_answer_marks_right_wrong_and_missed_apart_not_by_colour_alone(qtbot: QtBot) -> None:
    widget = shown(qtbot)
    response = Response(selected=frozenset({"POL", "EST"}))
    widget.show_answer(response, grade(NINETY_NINE, response))
    assert widget.marks == {"POL": "right", "EST": "wrong", "CZE": "missed", "HUN": "missed"}
    patterns = {mark: widget.view.marks[iso3].brush().style() for iso3, mark in widget.marks.items()}
    assert len(set(patterns.values())) == 3  # plain, cross-hatched, striped
    assert widget.country_list.rows["EST"].text() == "✗ Estonia (wrong pick)"
    assert widget.country_list.rows["CZE"].text() == "? Czechia (missed)"
    assert widget.property("answered") and widget.legend.isVisible()
    click_country(qtbot, widget, "FRA")  # locked: nothing changes
    assert widget.selection().selected == {"POL", "EST"}


def test_a_map_answer_is_saved_end_to_end(qtbot: QtBot) -> None:
    window = start_app(qtbot, roots=[FIXTURES / "lessons"])
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.PRACTICE, lesson_id="visual-kinds")
    quiz.go_to([q.id for q in quiz.session.questions].index("joined-1999"))
    widget = quiz.question_widget
    assert isinstance(widget, MapSelectionQuestionWidget)
    click_country(qtbot, widget, "POL")
    click_country(qtbot, widget, "CZE")
    tick_by_keyboard(qtbot, widget, "Hung")
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(widget.property("answered")))
    assert saved_answers() == [("joined-1999", 1, 1.0)]
    assert stored_responses() == [("joined-1999", {"selected": ["CZE", "HUN", "POL"]})]
    assert widget.marks == {"POL": "right", "CZE": "right", "HUN": "right"}
