"""Timelines sized to their events: every label whole or elided with its full title on hover, and the
detail pane beside the canvas only where there is room for both."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from irtutor.charts.timeline import TimelineView
from irtutor.content.datasets import load_reference_data
from irtutor.paths import resource_dir

EVENTS = load_reference_data(resource_dir() / "data").events


def shown(qtbot: QtBot, width: int, height: int = 700, **kwargs: object) -> TimelineView:
    view = TimelineView(EVENTS, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize(("years", "tags"), [((1945, 1955), set()), ((1952, 2024), {"enlargement"}),
                                             ((2001, 2024), {"brics"})])
def test_a_page_timeline_is_as_tall_as_its_labels_and_labels_every_event(
        qtbot: QtBot, years: tuple[int, int], tags: set[str]) -> None:
    view = shown(qtbot, 620, years=years, tags=tags)
    canvas = view.canvas
    qtbot.waitUntil(lambda: all(p.label is not None for p in canvas.placements()))
    placed = canvas.placements()
    assert all(canvas.rect().toRectF().contains(p.label) for p in placed if p.label is not None)
    top = min(p.label.top() for p in placed if p.label is not None)
    assert top < 60, f"{top} px of empty plot above the labels"


def test_an_elided_label_shows_its_whole_title_on_hover(qtbot: QtBot) -> None:
    view = shown(qtbot, 620, years=(2001, 2024), tags={"brics"})
    canvas = view.canvas
    cut = next(p for p in canvas.placements() if p.label is not None and p.text != canvas.events[p.index].title)
    assert cut.text.endswith("…")
    at = cut.label.center()
    QApplication.sendEvent(canvas, QMouseEvent(QMouseEvent.Type.MouseMove, at, canvas.mapToGlobal(at),
                                               Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                               Qt.KeyboardModifier.NoModifier))
    assert canvas.events[cut.index].title in canvas.toolTip()
    canvas.select(cut.index)
    assert view.detail.title.text() == canvas.events[cut.index].title


def test_the_detail_pane_stands_beside_when_wide_and_below_once_chosen_when_narrow(qtbot: QtBot) -> None:
    view = shown(qtbot, 1280, tags={"brics"})
    assert view.detail_area.isVisible()
    qtbot.waitUntil(lambda: view.detail_area.geometry().left() >= view.canvas.geometry().right())
    view.resize(620, 700)
    qtbot.waitUntil(lambda: not view.detail_area.isVisible())
    view.canvas.select(view.canvas.visible[0])
    qtbot.waitUntil(view.detail_area.isVisible)
    qtbot.waitUntil(lambda: view.detail_area.geometry().top() >= view.canvas.geometry().bottom())
    assert view.canvas.width() > 500


def test_unused_height_stays_out_of_the_plot(qtbot: QtBot) -> None:
    view = shown(qtbot, 620, 900, years=(1945, 1955))
    assert view.canvas.height() <= max(200, view.canvas.needed_height(view.canvas.width()) + 2)
