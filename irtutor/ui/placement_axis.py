"""A small time axis on which numbered markers are placed with the mouse, for timeline-placement questions.

Clicking the axis puts the current event there; dragging a marker moves it along the axis. Each
change is a whole year, reported with `sig_placed`; the spin boxes of the question are the
keyboard way to do the same, so this widget takes no keyboard focus.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from irtutor.charts.palette import BLUE, GREEN
from irtutor.charts.timeline_layout import Span, tick_years

MARGIN, RADIUS = 24.0, 11.0
MAX_LEVELS = 3
ANSWER_DROP = 36.0
"""How far below the axis the right years' hollow markers sit, clear of the year labels."""
"""Markers within a marker's width stack up to this many high, then overlap."""
AXIS_NAME = "Time axis: click to place the chosen event, drag a numbered marker to move it"


class PlacementAxis(QWidget):
    sig_placed = Signal(str, int)
    """The student put event (id) at year (int) with the mouse."""

    def __init__(self, ids: list[str], first: int, last: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ids = ids
        self.span = Span(first, last)
        self.years: dict[str, int] = {}
        self.answers: dict[str, int] = {}
        """Right years drawn as hollow markers once the answer is shown."""
        self.current: str | None = ids[0] if ids else None
        self.locked = False
        """Once the answer is shown the markers no longer move (the axis stays readable, not greyed)."""
        self._dragging: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(AXIS_NAME)
        self.setToolTip(AXIS_NAME)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(600, int(self._axis_y() + ANSWER_DROP + 2 * RADIUS + 4))

    def set_year(self, event_id: str, year: int | None) -> None:
        if year is None:
            self.years.pop(event_id, None)
        else:
            self.years[event_id] = year
        self.update()

    def x_of(self, year: float) -> float:
        return MARGIN + self.span.x_of(year, self.width() - 2 * MARGIN)

    def year_at(self, x: float) -> int:
        year = round(self.span.year_at(x - MARGIN, self.width() - 2 * MARGIN))
        return int(min(max(year, self.span.start), self.span.end))

    def _axis_y(self) -> float:
        return 4 + min(len(self.ids), MAX_LEVELS) * (2 * RADIUS + 2)

    def marker_rows(self) -> dict[str, QPointF]:
        """Each placed marker's centre; markers closer than a marker's width stack upwards."""
        centres: dict[str, QPointF] = {}
        for event_id in sorted(self.years, key=lambda e: (self.years[e], self.ids.index(e))):
            x = self.x_of(self.years[event_id])
            level = min(MAX_LEVELS - 1, sum(1 for c in centres.values() if abs(c.x() - x) < 2 * RADIUS))
            centres[event_id] = QPointF(x, self._axis_y() - RADIUS - 2 - level * (2 * RADIUS + 2))
        return centres

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        y = self._axis_y()
        painter.setPen(QPen(text, 1.5))
        painter.drawLine(QPointF(MARGIN, y), QPointF(self.width() - MARGIN, y))
        metrics = QFontMetricsF(self.font())
        for year in tick_years(self.span, self.width() - 2 * MARGIN, 60):
            x = self.x_of(year)
            painter.drawLine(QPointF(x, y), QPointF(x, y + 5))
            painter.drawText(QPointF(x - metrics.horizontalAdvance(str(year)) / 2, y + 8 + metrics.ascent()), str(year))
        for event_id, year in self.answers.items():
            self._marker(painter, QPointF(self.x_of(year), y + ANSWER_DROP), event_id, QColor(GREEN), hollow=True)
        for event_id, centre in self.marker_rows().items():
            self._marker(painter, centre, event_id, QColor(BLUE), hollow=False)

    def _marker(self, painter: QPainter, centre: QPointF, event_id: str, colour: QColor, *, hollow: bool) -> None:
        chosen = event_id == self.current and not self.locked and not hollow
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text) if chosen else colour.darker(140),
                            3 if chosen else 1.5))
        painter.setBrush(QBrush(self.palette().color(QPalette.ColorRole.Base) if hollow else colour))
        painter.drawEllipse(centre, RADIUS, RADIUS)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text) if hollow else QColor("white"))
        painter.drawText(QRectF(centre.x() - RADIUS, centre.y() - RADIUS, 2 * RADIUS, 2 * RADIUS),
                         Qt.AlignmentFlag.AlignCenter, str(self.ids.index(event_id) + 1))

    def marker_at(self, point: QPointF) -> str | None:
        for event_id, centre in reversed(self.marker_rows().items()):
            if (centre - point).manhattanLength() <= RADIUS * 1.4:
                return event_id
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.locked:
            return
        hit = self.marker_at(event.position())
        if hit is not None:
            self._dragging = self.current = hit
            self.update()
        elif self.current is not None:
            self._place(self.current, event.position().x())
            # The next click places the next event still to place (the first in the list order).
            self.current = next((i for i in self.ids if i not in self.years), self.current)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._place(self._dragging, event.position().x())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = None

    def _place(self, event_id: str, x: float) -> None:
        year = self.year_at(x)
        if self.years.get(event_id) != year:
            self.set_year(event_id, year)
            self.sig_placed.emit(event_id, year)
