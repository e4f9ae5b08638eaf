"""The timeline of events.csv: filter by tag, zoom and pan, read an event's details and go to its lesson.

    view = TimelineView(reference.events, lessons, tags=("nato",))
    view.sig_open_page.connect(reader.open_page)

`preview()` shows it on its own, with the shipped data and lessons (also used for screenshots).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from irtutor.charts.timeline_canvas import TimelineCanvas
from irtutor.charts.timeline_detail import EventDetail
from irtutor.core.datasets import Event
from irtutor.core.lesson import Lesson
from irtutor.services.event_coverage import pages_covering

ALL_TAGS = "All"
DETAIL_BESIDE_WIDTH = 900
"""Below this width the event details go under the canvas, shown once an event is selected."""
DETAIL_WIDTH, DETAIL_BELOW_HEIGHT = 300, 220
"""The detail pane's width beside the canvas, and its height at most under it."""
FILTER_NAME = "Filter by tag: check one or more tags, or All"
TAG_CHIP = "{tag} ({count})"
ZOOM_IN, ZOOM_OUT, RESET_VIEW = "Zoom in (+)", "Zoom out (−)", "Reset view (0)"
LEGEND = "●  event     ◆  contested: the positions differ, see the description"
SHOWN = "{shown} of {total} events shown"
CAPTION = ("Data: events.csv, {count} dated events in our own words; every event names its source, shown "
           "with it as text and never opened. Contested events set out the positions in their description.")


class TagFilter(QListWidget):
    """A checkable chip per tag, wrapping onto as many rows as the width needs; one Tab stop."""

    sig_changed = Signal()
    """The checked tags changed."""

    def __init__(self, counts: Counter[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(FILTER_NAME)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(3)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chips: dict[str, QListWidgetItem] = {}
        for tag, count in [(ALL_TAGS, 0), *sorted(counts.items(), key=lambda tc: (-tc[1], tc[0]))]:
            item = QListWidgetItem(tag if tag == ALL_TAGS else TAG_CHIP.format(tag=tag, count=count), self)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.chips[tag] = item
        self.set_checked(())
        self.itemChanged.connect(self._on_item_changed)

    def checked(self) -> frozenset[str]:
        on = Qt.CheckState.Checked
        return frozenset(t for t, item in self.chips.items() if t != ALL_TAGS and item.checkState() == on)

    def set_checked(self, tags: Iterable[str]) -> None:
        wanted = set(tags) & set(self.chips)
        self.blockSignals(True)
        for tag, item in self.chips.items():
            on = tag in wanted or (tag == ALL_TAGS and not wanted - {ALL_TAGS})
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.viewport().update()
        self.sig_changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A click anywhere on a chip, not only on its box, toggles it; the list's own toggle is skipped.
        item = self.itemAt(event.position().toPoint())
        if item is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        on = item.checkState() != Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        tag = next(t for t, chip in self.chips.items() if chip is item)
        if tag == ALL_TAGS:
            self.set_checked(())
        else:
            self.set_checked(self.checked())

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.contentsSize().height() + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def updateGeometries(self) -> None:
        # Called when the chips are laid out again for a new width: the height follows the rows.
        super().updateGeometries()
        self.updateGeometry()


class TimelineView(QWidget):
    sig_open_page = Signal(str, str)
    """The student asked for the lesson page covering the selected event: (lesson id, page slug)."""

    def __init__(self, events: Sequence[Event], lessons: Sequence[Lesson] = (), *, tags: Iterable[str] = (),
                 years: tuple[int | None, int | None] = (None, None), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        start, end = years
        self.events = tuple(e for e in events if (start is None or e.day.year >= start)
                            and (end is None or e.day.year <= end))
        self.lessons = tuple(lessons)
        self.canvas = TimelineCanvas(self.events)
        self.filter = TagFilter(Counter(t for e in self.events for t in e.tags))
        self.detail = EventDetail()
        self.zoom_in, self.zoom_out, self.reset = (QPushButton(t) for t in (ZOOM_IN, ZOOM_OUT, RESET_VIEW))
        self.shown_label = QLabel()
        self.caption = QLabel(CAPTION.format(count=len(self.events)))
        self.caption.setWordWrap(True)
        self._build()
        self.filter.sig_changed.connect(self._on_filter)
        self.canvas.sig_selected.connect(self._on_selected)
        self.canvas.sig_activated.connect(self._on_activated)
        self.detail.sig_open_page.connect(self.sig_open_page)
        self.zoom_in.clicked.connect(lambda: self.canvas.zoom(1.5))
        self.zoom_out.clicked.connect(lambda: self.canvas.zoom(1 / 1.5))
        self.reset.clicked.connect(self.canvas.reset_view)
        self.set_tags(tags)

    def _build(self) -> None:
        tools = QHBoxLayout()
        for button in (self.zoom_in, self.zoom_out, self.reset):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.shown_label)
        legend = QLabel(LEGEND)
        legend.setWordWrap(True)  # on its own line, so a lesson page's narrow column never clips it
        scroller = self.detail_area = QScrollArea()
        scroller.setWidget(self.detail)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.middle.addWidget(self.canvas, 3, Qt.AlignmentFlag.AlignTop)
        self.middle.addWidget(scroller, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.filter)
        outer.addLayout(tools)
        outer.addWidget(legend)
        outer.addLayout(self.middle)
        outer.addWidget(self.caption)
        outer.addStretch(1)  # room the events do not need stays below the figure, not inside the plot
        self.setTabOrder(self.filter, self.canvas)
        self._place_detail()

    def detail_beside(self) -> bool:
        """The detail pane stands beside the canvas only when both have room; else it goes below it."""
        return self.width() >= DETAIL_BESIDE_WIDTH

    def _place_detail(self) -> None:
        beside = self.detail_beside()
        self.middle.setDirection(QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom)
        self.detail_area.setMinimumWidth(DETAIL_WIDTH if beside else 0)
        self.detail_area.setMaximumHeight(16777215 if beside else DETAIL_BELOW_HEIGHT)
        self.detail_area.setMinimumHeight(0 if beside else DETAIL_BELOW_HEIGHT // 3)
        self.detail_area.setVisible(beside or self.canvas.selected is not None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_detail()

    def set_tags(self, tags: Iterable[str]) -> None:
        """Show only the events with any of `tags`; no tags shows every event."""
        self.filter.set_checked(tags)

    def set_lessons(self, lessons: Sequence[Lesson]) -> None:
        self.lessons = tuple(lessons)
        self._on_selected(-1 if self.canvas.selected is None else self.canvas.selected)

    def shown_events(self) -> list[Event]:
        return [self.events[i] for i in self.canvas.visible]

    def _on_filter(self) -> None:
        tags = self.filter.checked()
        self.canvas.set_visible([i for i, e in enumerate(self.events) if not tags or e.tags & tags])
        self.shown_label.setText(SHOWN.format(shown=len(self.canvas.visible), total=len(self.events)))

    def _on_selected(self, index: int) -> None:
        self._place_detail()
        if index < 0:
            self.detail.clear()
            return
        event = self.events[index]
        self.detail.show_event(event, pages_covering(event, self.lessons))

    def _on_activated(self, index: int) -> None:
        self.detail.first_control().setFocus(Qt.FocusReason.OtherFocusReason)


def preview() -> TimelineView:
    """The timeline with the shipped events and lessons, for a quick look and the screenshots."""
    from irtutor.content.catalog import load_lessons
    from irtutor.content.datasets import load_reference_data
    from irtutor.paths import builtin_lessons_dir, resource_dir

    lessons = load_lessons([builtin_lessons_dir()]).lessons
    return TimelineView(load_reference_data(resource_dir() / "data").events, lessons)
