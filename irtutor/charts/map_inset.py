"""North America in a corner of the map: the same scene seen through a second, fixed view.

The Europe frame leaves out the two North American founders; the inset shows them at every year
and in every question, with the same fills, marks and tooltips, because it draws the same items.
It turns its view so that north is up, as the conic projection tilts the Americas sideways.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPolygonF, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from irtutor.charts.map_projection import CENTRAL_LONGITUDE, cone_constant, project

NORTH_AMERICA = (-127.0, -55.0, 24.0, 72.0)
"""West, east, south and north edges (degrees) of the inset: Canada and the contiguous United States."""
SHARE = 0.28
"""The inset's width as a share of the map's, and at most this share of its height."""


class InsetView(QGraphicsView):
    """A small fixed view of `frame` on a shared scene; a click names the country under it."""

    sig_country_clicked = Signal(str)
    """A country in the inset was clicked; its ISO3 code."""

    def __init__(self, scene: QGraphicsScene, parent: QWidget, frame: tuple[float, float, float, float]
                 = NORTH_AMERICA) -> None:
        super().__init__(scene, parent)
        self.frame = frame
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAccessibleName("Inset map of North America")
        self.setToolTip("Canada and the United States, shown in this inset")
        self._press: QPoint | None = None

    def angle(self) -> float:
        """Degrees to turn the view so that north is up at the middle of the frame."""
        west, east, _, _ = self.frame
        return math.degrees(cone_constant() * math.radians((west + east) / 2 - CENTRAL_LONGITUDE))

    def fit(self) -> None:
        """Scale and turn the view so the whole frame fills it."""
        west, east, south, north = self.frame
        edge = [project(west + (east - west) * i / 20, lat) for i in range(21) for lat in (south, north)]
        edge += [project(lon, south + (north - south) * i / 20) for i in range(21) for lon in (west, east)]
        turn = QTransform().rotate(self.angle())
        box = turn.map(QPolygonF([QPointF(x, y) for x, y in edge])).boundingRect()
        size = self.viewport().size()
        scale = min(size.width() / box.width(), size.height() / box.height()) if box.width() else 1.0
        self.setTransform(QTransform().rotate(self.angle()).scale(scale, scale))
        self.centerOn(turn.inverted()[0].map(box.center()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the inset stays put; the wheel belongs to the page

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is not None and (event.position().toPoint() - press).manhattanLength() <= 4:
            hits = [str(i.data(0)) for i in self.items(event.position().toPoint()) if i.data(0)]
            if hits:
                self.sig_country_clicked.emit(hits[0])

    def place(self, width: int, height: int) -> None:
        """Bottom-left corner of a map `width` x `height` pixels."""
        w = max(90, int(width * SHARE))
        h = min(int(height * SHARE * 1.4), int(w * 0.8))
        self.setGeometry(4, height - h - 4, w, h)

    def set_sea(self, colour: QColor) -> None:
        self.setBackgroundBrush(colour)
