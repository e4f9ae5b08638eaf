"""The drawn timeline: an axis of years, a marker per event and labels stacked so they never overlap.

Wheel or +/- zoom, dragging pans (horizontally only), Left/Right walk the shown events and Enter
opens the selected one. The geometry (span, ticks, rows) is decided in `timeline_layout`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from irtutor.charts.palette import BLUE, VERMILION
from irtutor.charts.timeline_layout import padded_limits, stagger_rows, tick_years
from irtutor.core.datasets import Event, year_fraction

CANVAS_NAME = "Timeline of events"
CANVAS_HELP = "Left and Right arrows: previous or next event; Enter: open it; + and -: zoom; 0: reset the view."
SELECTED_SPOKEN = "{day}: {title}{contested}. Event {position} of {total}."
CONTESTED_SUFFIX = " (contested)"
MARGIN, AXIS_GAP, RADIUS, LABEL_MAX, CLICK_SLOP = 18.0, 40.0, 6.0, 380.0, 4.0
LABEL_SHARE = 0.45
"""A label takes at most this share of the canvas width (and LABEL_MAX pixels); longer titles are
elided, with the whole title in the tooltip and the detail pane."""
HEIGHT_LIMITS = (160, 640)
"""The canvas asks for the height its label rows need, within these pixels."""
ZOOM_STEP = 1.5


@dataclass(frozen=True)
class Placed:
    """Where one event is drawn: its marker's centre and its label's box (None when it has no room)."""

    index: int
    marker: QPointF
    label: QRectF | None
    text: str


def label_text(event: Event, metrics: QFontMetricsF, room: float = LABEL_MAX) -> str:
    """The title cut to fit `room` pixels, ending "(contested)" for contested events whatever the cut."""
    suffix = CONTESTED_SUFFIX if event.contested else ""
    return metrics.elidedText(event.title, Qt.TextElideMode.ElideRight, room - metrics.horizontalAdvance(suffix)) \
        + suffix


class TimelineCanvas(QWidget):
    sig_selected = Signal(int)
    """The selected event changed; its index in `events`, or -1 for none."""
    sig_activated = Signal(int)
    """The student opened an event (Enter or a double click); its index in `events`."""

    def __init__(self, events: Sequence[Event], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = tuple(events)
        self.years = [year_fraction(e.day) for e in self.events]
        self.limits = padded_limits(self.years)
        self.span = self.limits
        self.visible: list[int] = list(range(len(self.events)))
        self.selected: int | None = None
        self._press: QPointF | None = None
        self._dragged = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)  # sized to its labels
        self.setAccessibleName(CANVAS_NAME)
        self.setAccessibleDescription(CANVAS_HELP)
        self.setToolTip(CANVAS_HELP)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        """As tall as the label rows of the shown events need at the current width."""
        low, high = HEIGHT_LIMITS
        return QSize(900, int(min(high, max(low, self.needed_height(self.width() or 900)))))

    def needed_height(self, width: float) -> float:
        """Pixels for every shown label in its own row space at `width`, the axis and its years."""
        rows = self._label_rows(width, max(1, len(self.visible)))[-1]
        used = max((r for r in rows if r is not None), default=0) + 1
        return MARGIN + used * self._row_height() + RADIUS + 10 + AXIS_GAP

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the rows needed change with the width

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 120)

    # --- what is shown

    def set_visible(self, indices: Sequence[int]) -> None:
        """Show only the events at `indices`; a selection that is filtered out is cleared."""
        self.visible = sorted(indices, key=lambda i: self.years[i])
        if self.selected is not None and self.selected not in self.visible:
            self.select(None)
        self.updateGeometry()
        self.update()

    def select(self, index: int | None) -> None:
        if index == self.selected:
            return
        self.selected = index
        if index is not None:
            self.span = self.span.showing(self.years[index], self.limits)
            self.setAccessibleDescription(self._spoken(index))
        self.update()
        self.sig_selected.emit(-1 if index is None else index)

    def move_selection(self, step: int) -> None:
        """Select the shown event `step` places after (or before) the selected one."""
        if not self.visible:
            return
        if self.selected not in self.visible:
            self.select(self.visible[0 if step > 0 else -1])
            return
        position = self.visible.index(self.selected) + step
        self.select(self.visible[min(max(position, 0), len(self.visible) - 1)])

    def zoom(self, factor: float, anchor: float | None = None) -> None:
        """Zoom by `factor` around the year `anchor` (the selected event or the middle by default)."""
        if anchor is None:
            anchor = self.years[self.selected] if self.selected is not None else (self.span.start + self.span.end) / 2
        self.span = self.span.zoomed(factor, anchor, self.limits)
        self.update()

    def reset_view(self) -> None:
        self.span = self.limits
        self.update()

    def _spoken(self, index: int) -> str:
        event = self.events[index]
        return SELECTED_SPOKEN.format(day=event.day.isoformat(), title=event.title,
                                      contested=CONTESTED_SUFFIX if event.contested else "",
                                      position=self.visible.index(index) + 1 if index in self.visible else 0,
                                      total=len(self.visible))

    # --- geometry

    def _axis_y(self) -> float:
        return self.height() - AXIS_GAP

    def _pixels(self) -> float:
        return max(1.0, self.width() - 2 * MARGIN)

    def _row_height(self) -> float:
        return QFontMetricsF(self._bold()).height() + 6

    def _bold(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)  # labels are measured as the selected one is drawn, so none is cut when chosen
        return bold

    def _label_rows(self, width: float, rows: int) -> tuple[list[int], list[float], list[float], list[str],
                                                           list[float], list[int | None]]:
        """For the shown events in view at `width`: indices, marker x, label left, text, width and row."""
        metrics, pixels = QFontMetricsF(self._bold()), max(1.0, width - 2 * MARGIN)
        room = min(LABEL_MAX, max(120.0, width * LABEL_SHARE))
        in_view = [i for i in self.visible if self.span.start <= self.years[i] <= self.span.end]
        xs = [MARGIN + self.span.x_of(self.years[i], pixels) for i in in_view]
        texts = [label_text(self.events[i], metrics, room) for i in in_view]
        widths = [metrics.horizontalAdvance(t) + 8 for t in texts]
        # A label starts at its marker, or ends there when it would run off the right edge.
        lefts = [max(2.0, min(x - RADIUS, width - 2.0 - w)) for x, w in zip(xs, widths, strict=True)]
        chosen = in_view.index(self.selected) if self.selected in in_view else None
        return in_view, xs, lefts, texts, widths, stagger_rows(lefts, widths, rows, first=chosen)

    def placements(self) -> list[Placed]:
        """The marker and label of each shown event in the view, labels stacked into rows above the axis."""
        row_height = self._row_height()
        rows = max(1, int((self._axis_y() - MARGIN) // row_height))
        in_view, xs, lefts, texts, widths, rows_of = self._label_rows(self.width(), rows)
        placed = []
        for i, x, left, text, width, row in zip(in_view, xs, lefts, texts, widths, rows_of, strict=True):
            label = None
            if row is not None:
                top = self._axis_y() - RADIUS - 10 - (row + 1) * row_height
                label = QRectF(left, top, width, row_height - 4)
            placed.append(Placed(i, QPointF(x, self._axis_y()), label, text))
        return placed

    def tooltip_of(self, index: int | None) -> str:
        """The whole title (labels may be elided) and the day, or how to use the canvas."""
        if index is None:
            return CANVAS_HELP
        event = self.events[index]
        return f"{event.day.isoformat()}: {event.title}{CONTESTED_SUFFIX if event.contested else ''}"

    def event_at(self, point: QPointF) -> int | None:
        for item in reversed(self.placements()):
            near = abs(item.marker.x() - point.x()) <= RADIUS + 3 and abs(item.marker.y() - point.y()) <= RADIUS + 3
            if near or (item.label is not None and item.label.contains(point)):
                return item.index
        return None

    # --- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._paint_axis(painter, palette)
        placed = self.placements()
        for item in placed:
            self._paint_leader(painter, item, palette)
        # Contested markers over plain ones, the selected over all: close events' markers overlap.
        for item in sorted(placed, key=lambda p: (p.index == self.selected, self.events[p.index].contested)):
            self._paint_event(painter, item, palette)
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def _paint_axis(self, painter: QPainter, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        y = self._axis_y()
        painter.setPen(QPen(text, 1.5))
        painter.drawLine(QPointF(MARGIN, y), QPointF(MARGIN + self._pixels(), y))
        metrics = QFontMetricsF(self.font())
        for year in tick_years(self.span, self._pixels()):
            x = MARGIN + self.span.x_of(year, self._pixels())
            painter.drawLine(QPointF(x, y), QPointF(x, y + 5))
            label = str(year)
            painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, y + 8 + metrics.ascent()), label)

    def _paint_leader(self, painter: QPainter, item: Placed, palette: QPalette) -> None:
        if item.label is not None:
            colour = QColor(palette.color(QPalette.ColorRole.Text))
            colour.setAlpha(110)
            painter.setPen(QPen(colour, 1))
            painter.drawLine(item.marker, QPointF(item.marker.x(), item.label.bottom()))

    def _paint_event(self, painter: QPainter, item: Placed, palette: QPalette) -> None:
        event = self.events[item.index]
        chosen = item.index == self.selected
        colour = QColor(VERMILION if event.contested else BLUE)
        radius = RADIUS + (2 if chosen else 0)
        outline = palette.color(QPalette.ColorRole.Text) if chosen else colour.darker(130)
        painter.setPen(QPen(outline, 2 if chosen else 1))
        painter.setBrush(QBrush(colour))
        centre = item.marker
        if event.contested:  # a diamond, so the difference does not rest on colour alone
            painter.drawPolygon(QPolygonF([centre + QPointF(0, -radius - 1), centre + QPointF(radius + 1, 0),
                                           centre + QPointF(0, radius + 1), centre + QPointF(-radius - 1, 0)]))
        else:
            painter.drawEllipse(centre, radius, radius)
        if item.label is None:
            return
        background = palette.color(QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Base)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(item.label, 3, 3)
        font = QFont(self.font())
        font.setBold(chosen)
        painter.setFont(font)
        role = QPalette.ColorRole.HighlightedText if chosen else QPalette.ColorRole.Text
        painter.setPen(colour.darker(115) if event.contested and not chosen else palette.color(role))
        painter.drawText(item.label.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, item.text)
        painter.setFont(self.font())

    # --- input

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.move_selection(1 if key == Qt.Key.Key_Right else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.sig_activated.emit(self.selected)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.reset_view()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            anchor = self.span.year_at(event.position().x() - MARGIN, self._pixels())
            self.zoom(ZOOM_STEP ** steps, anchor)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = event.position(), False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = event.position().x() - self._press.x()
            if self._dragged or abs(dx) > CLICK_SLOP:
                self._dragged = True
                self.span = self.span.panned(-dx / self._pixels() * self.span.width, self.limits)
                self._press = event.position()
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
        else:
            hit = self.event_at(event.position())
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit is not None else Qt.CursorShape.OpenHandCursor)
            self.setToolTip(self.tooltip_of(hit))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and not self._dragged:
            hit = self.event_at(event.position())
            if hit is not None:
                self.select(hit)
        self._press = None
        self.unsetCursor()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.event_at(event.position())
        if hit is not None:
            self.select(hit)
            self.sig_activated.emit(hit)
