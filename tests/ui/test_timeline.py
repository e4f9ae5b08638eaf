"""The timeline on the shipped events.csv: filters, details, keyboard, zoom and the jump to a lesson."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from irtutor.charts.timeline import TimelineView
from irtutor.charts.timeline_detail import CONTESTED_NOTE
from irtutor.charts.timeline_layout import Span, stagger_rows
from irtutor.content.datasets import load_reference_data
from irtutor.content.lesson_loader import load_lesson
from irtutor.core.datasets import Event
from irtutor.core.lesson import Lesson
from irtutor.paths import resource_dir
from irtutor.qtkit.plain_text import plain_tooltip
from tests.content.minimal_lesson import LESSON_YAML, QUIZ_YAML

EVENTS = load_reference_data(resource_dir() / "data").events


def make_view(qtbot: QtBot, lessons: tuple[Lesson, ...] = ()) -> TimelineView:
    view = TimelineView(EVENTS, lessons)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def index_of(view: TimelineView, day: date) -> int:
    return next(i for i, e in enumerate(view.events) if e.day == day)


def test_every_event_has_a_marker_until_a_tag_filters_them(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    assert len(view.canvas.placements()) == 50 == len(view.shown_events())
    view.set_tags({"enlargement"})
    wanted = [e for e in EVENTS if "enlargement" in e.tags]
    assert view.shown_events() == wanted
    assert {view.events[p.index] for p in view.canvas.placements()} == set(wanted)
    assert view.shown_label.text() == f"{len(wanted)} of 50 events shown"
    view.set_tags(())
    assert len(view.shown_events()) == 50


def test_the_tag_chips_filter_and_all_clears_them(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    chips = view.filter.chips
    qtbot.mouseClick(view.filter.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.filter.visualItemRect(chips["brics"]).center())
    assert view.filter.checked() == {"brics"}
    assert chips["All"].checkState() == Qt.CheckState.Unchecked
    assert all("brics" in e.tags for e in view.shown_events()) and len(view.shown_events()) == 6
    chips["All"].setCheckState(Qt.CheckState.Checked)
    assert view.filter.checked() == set() and len(view.shown_events()) == 50


def test_the_detail_panel_shows_the_description_sources_and_contested_note(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    baker = view.events[index_of(view, date(1990, 2, 9))]
    view.canvas.select(index_of(view, date(1990, 2, 9)))
    detail = view.detail
    assert detail.title.text() == "Baker-Gorbachev meeting in Moscow"
    assert detail.description.text() == baker.description and "'one inch'" in baker.description
    assert detail.contested.text() == CONTESTED_NOTE and detail.contested.isVisible()
    assert detail.source.text() == f"Source: {baker.source_url}"
    assert detail.second_source.text() == f"Second source: {baker.alt_source_url}"
    assert detail.source_check.text().startswith("Source check: cited")
    view.canvas.select(index_of(view, date(1949, 4, 4)))
    assert not detail.contested.isVisible() and detail.source_check.text().startswith("Source check: seen")


def test_contested_events_are_drawn_in_another_colour_and_labelled(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    crimea = index_of(view, date(2014, 3, 18))
    view.canvas.select(crimea)
    placed = next(p for p in view.canvas.placements() if p.index == crimea)
    assert placed.text.endswith("(contested)") and placed.label is not None
    image = view.canvas.grab().toImage()
    centre = placed.marker.toPoint()
    assert QColor(image.pixel(centre)).name() == "#d55e00"


def test_labels_in_a_row_never_overlap(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    labels = [p.label for p in view.canvas.placements() if p.label is not None]
    assert len(labels) > 30
    for n, a in enumerate(labels):
        assert all(not a.intersects(b) for b in labels[n + 1:])


def test_left_and_right_move_between_the_shown_events_and_enter_opens_one(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.set_tags({"brics"})
    brics = [i for i, e in enumerate(view.events) if "brics" in e.tags]
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.canvas.selected == brics[0]
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.canvas.selected == brics[2]
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    assert view.canvas.selected == brics[1]
    assert view.detail.title.text() == view.events[brics[1]].title
    assert "Event 2 of 6" in view.canvas.accessibleDescription()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert view.focusWidget() is view.detail.first_control()


def test_tab_reaches_the_filters_and_then_the_timeline(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.filter.setFocus()
    qtbot.keyClick(view.filter, Qt.Key.Key_Tab)
    assert view.focusWidget() is not view.filter
    reached = {view.focusWidget()}
    for _ in range(6):
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
        reached.add(view.focusWidget())
    assert view.canvas in reached and view.zoom_in in reached


def test_zoom_by_keys_and_wheel_then_reset_restores_the_whole_range(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    whole = view.canvas.span
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.canvas.span.width < whole.width / 2
    zoomed = view.canvas.span
    drag(view.canvas, QPointF(600, 300), QPointF(400, 300))
    assert view.canvas.span.start > zoomed.start and view.canvas.span.width == zoomed.width  # dragged left: later
    qtbot.mouseClick(view.reset, Qt.MouseButton.LeftButton)
    assert view.canvas.span == whole
    assert len(view.canvas.placements()) == 50


def drag(widget: QWidget, start: QPointF, end: QPointF) -> None:
    """Press, move with the button held, release: qtbot's mouseMove carries no buttons."""
    left = Qt.MouseButton.LeftButton
    for kind, at, buttons in ((QEvent.Type.MouseButtonPress, start, left), (QEvent.Type.MouseMove, end, left),
                              (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)):
        QApplication.sendEvent(widget, QMouseEvent(kind, at, widget.mapToGlobal(at), left, buttons,
                                                   Qt.KeyboardModifier.NoModifier))


def test_clicking_a_marker_selects_its_event(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    spain = index_of(view, date(1982, 5, 30))
    marker = next(p.marker for p in view.canvas.placements() if p.index == spain)
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=marker.toPoint())
    assert view.canvas.selected == spain and view.detail.title.text() == "Spain joins NATO"


def test_go_to_lesson_emits_the_page_whose_timeline_directive_has_the_tag(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    (folder / "lesson.yaml").write_text(LESSON_YAML, encoding="utf-8")
    (folder / "quiz.yaml").write_text(QUIZ_YAML, encoding="utf-8")
    # The directive covers enlargement events by their tags; the text alone would not (no years in it).
    (folder / "01-intro.md").write_text("# Enlargement\n\nEach round at a glance.\n\n"
                                        "```{timeline} tags=enlargement\n```\n", encoding="utf-8")
    lesson, problems = load_lesson(folder)
    assert lesson is not None and not problems
    assert [d.kind for d in lesson.pages[0].directives] == ["timeline"]
    view = make_view(qtbot, (lesson,))
    view.canvas.select(index_of(view, date(1952, 2, 18)))
    assert [b.toolTip() for b in view.detail.page_buttons] == [plain_tooltip("Enlargement")]
    with qtbot.waitSignal(view.sig_open_page) as opened:
        qtbot.mouseClick(view.detail.page_buttons[0], Qt.MouseButton.LeftButton)
    assert opened.args == ["mini", "01-intro"]
    view.canvas.select(index_of(view, date(1945, 6, 26)))
    assert view.detail.page_buttons == [] and view.detail.no_lesson.isVisible()


def test_the_span_zooms_within_its_limits() -> None:
    limits = Span(1940, 2030)
    zoomed = limits.zoomed(4, 2000, limits)
    assert zoomed.width == 22.5 and zoomed.start < 2000 < zoomed.end
    assert zoomed.zoomed(0.01, 2000, limits) == limits
    assert limits.zoomed(10_000, 1941, limits).width == 0.5
    assert zoomed.panned(-500, limits).start == 1940


def test_stagger_rows_puts_overlapping_labels_in_new_rows() -> None:
    assert stagger_rows([0, 50, 200], [100, 100, 100], rows=3) == [0, 1, 0]
    assert stagger_rows([0, 10, 20], [100, 100, 100], rows=2) == [0, 1, None]
    assert stagger_rows([0, 10, 20], [100, 100, 100], rows=2, first=2) == [1, None, 0]


def test_events_are_the_real_ones() -> None:
    assert len(EVENTS) == 50 and all(isinstance(e, Event) for e in EVENTS)
