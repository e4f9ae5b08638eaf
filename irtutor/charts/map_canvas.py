"""The map itself: one vector path per country in a QGraphicsScene, zoom, pan, hover and click.

Paths are built once; everything that changes (the year, a selection, a marked answer) only sets
brushes and moves two overlay outlines, so a year step repaints without rebuilding any geometry.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from irtutor.charts import map_style
from irtutor.charts.map_inset import InsetView
from irtutor.charts.map_projection import EUROPE, country_path, frame_rect
from irtutor.core.datasets import CountryShape

ZOOM_STEP = 1.25
ZOOM_LIMITS = (0.3, 40.0)
"""How far out and in, relative to the Europe frame."""
CLICK_SLOP = 4
"""Pixels a press may move and still count as a click rather than a pan."""


class CountryMapView(QGraphicsView):
    """Countries as vector shapes; Europe framed by default, wheel or +/- zoom, drag to pan."""

    sig_country_hovered = Signal(str)
    """The pointer moved onto a country (its ISO3 code) or off every country ("")."""
    sig_country_clicked = Signal(str)
    """A country was clicked (pressed and released without dragging); its ISO3 code."""

    def __init__(self, countries: tuple[CountryShape, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.shapes = {c.iso3: c for c in countries if c.continent != "Antarctica"}
        self.paths: dict[str, QGraphicsPathItem] = {}
        self._fills: dict[str, str] = {}
        grey = map_style.solid(map_style.NON_MEMBER)
        for iso3, shape in self.shapes.items():
            item = self.scene().addPath(country_path(shape), map_style.border_pen(), grey)
            item.setData(0, iso3)
            self.paths[iso3] = item
            self._fills[iso3] = map_style.NON_MEMBER
        self.hover_outline = self._overlay(map_style.outline_pen(map_style.HIGHLIGHT, 1.5), 20)
        self.focus_outline = self._overlay(map_style.outline_pen(map_style.HIGHLIGHT, 3.0), 21)
        self.marks: dict[str, QGraphicsPathItem] = {}
        self.hovered = ""
        self._press: QPoint | None = None
        self._framed = False
        world = self.scene().itemsBoundingRect()
        self.scene().setSceneRect(world.adjusted(-world.width() / 4, -world.height() / 4,
                                                 world.width() / 4, world.height() / 4))
        self.europe = frame_rect(*EUROPE)
        self._setup_view()
        self.inset = InsetView(self.scene(), self)
        self.inset.sig_country_clicked.connect(self.sig_country_clicked)
        self._paint_sea()

    def _overlay(self, pen: QPen, z: float) -> QGraphicsPathItem:
        item = self.scene().addPath(QPainterPath(), pen)
        item.setZValue(z)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        return item

    def _setup_view(self) -> None:
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(240, 150)  # the page fits the map to its height; a netbook leaves little
        self.setAccessibleName("Map of countries; use the country list for the keyboard")

    # Colours -----------------------------------------------------------------------------------
    def set_fills(self, fills: dict[str, str], default: str = map_style.NON_MEMBER) -> None:
        """Fill each country with its colour in `fills`, the rest with `default`; unchanged ones are left alone."""
        for iso3, item in self.paths.items():
            colour = fills.get(iso3, default)
            if self._fills[iso3] != colour:
                item.setBrush(map_style.solid(map_style.shown(colour, self.dark())))
                self._fills[iso3] = colour

    def fill_of(self, iso3: str) -> str:
        return self._fills[iso3]

    def set_marks(self, marks: dict[str, str]) -> None:
        """Lay a pattern and a symbol over countries: iso3 -> "right", "wrong" or "missed" (map_style.MARKS)."""
        for item in self.marks.values():
            self.scene().removeItem(item)
        self.marks = {}
        for iso3, mark in marks.items():
            colour, pattern, symbol, _ = map_style.MARKS[mark]
            ink = QColor(colour).darker(170)
            brush = QBrush(ink, pattern)
            brush.setTransform(self.transform().inverted()[0])  # hatching at screen scale, not scene scale
            pen = map_style.outline_pen(ink.name(), 2.0,
                                        Qt.PenStyle.DashLine if mark == "missed" else Qt.PenStyle.SolidLine)
            item = self.scene().addPath(self.paths[iso3].path(), pen, brush)
            item.setZValue(10)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self._add_symbol(item, symbol, ink)
            self.marks[iso3] = item

    @staticmethod
    def _add_symbol(item: QGraphicsPathItem, symbol: str, ink: QColor) -> None:
        """`symbol` in a white disc on the country's largest piece, the same size at every zoom."""
        largest = max(item.path().toSubpathPolygons(), key=lambda p: p.boundingRect().width() *
                      p.boundingRect().height())
        label = QGraphicsSimpleTextItem(symbol, item)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setBrush(ink)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setPos(largest.boundingRect().center())
        box = label.boundingRect()
        label.setTransform(QTransform.fromTranslate(-box.width() / 2, -box.height() / 2))
        disc = QGraphicsEllipseItem(box.adjusted(-3, -1, 3, 1), label)
        disc.setBrush(QColor("#ffffff"))
        disc.setPen(QPen(ink, 1))
        disc.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)

    def focus_country(self, iso3: str) -> None:
        """Outline `iso3` boldly ("" clears) and bring it into view if it is off screen."""
        self.focus_outline.setPath(self.paths[iso3].path() if iso3 else QPainterPath())
        if iso3:
            bounds = self.paths[iso3].sceneBoundingRect()
            if not self.mapToScene(self.viewport().rect()).boundingRect().intersects(bounds):
                self.centerOn(bounds.center())

    # Zoom and pan ------------------------------------------------------------------------------
    def reset_view(self) -> None:
        self.fitInView(self.europe, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom_level(self) -> float:
        """How far in, relative to the Europe frame at this size (1.0 after reset_view)."""
        fitted = min(self.viewport().width() / self.europe.width(), self.viewport().height() / self.europe.height())
        return self.transform().m11() / fitted

    def zoom(self, factor: float) -> None:
        low, high = ZOOM_LIMITS
        factor = max(low / self.zoom_level(), min(high / self.zoom_level(), factor))
        self.scale(factor, factor)
        for item in self.marks.values():
            brush = item.brush()
            brush.setTransform(self.transform().inverted()[0])
            item.setBrush(brush)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.reset_view()
        else:
            super().keyPressEvent(event)

    def dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def sea(self) -> str:
        """The sea's colour: dark on a dark palette, so the map does not glare out of a dark window."""
        return map_style.DARK_SEA if self.dark() else map_style.SEA

    def _paint_sea(self) -> None:
        """Sea and non-members in the palette's lightness (the rounds' colours never change)."""
        self.setBackgroundBrush(QColor(self.sea()))
        self.inset.set_sea(QColor(self.sea()))
        for iso3, item in self.paths.items():
            item.setBrush(map_style.solid(map_style.shown(self._fills[iso3], self.dark())))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_sea()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.inset.place(self.width(), self.height())

    def sizeHint(self) -> QSize:
        """Wide rather than tall, so the map and its controls fit a laptop screen's page."""
        return QSize(560, 340)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._framed:  # the first time it has a size: frame Europe
            self._framed = True
            self.reset_view()

    # Hover and click ---------------------------------------------------------------------------
    def country_at(self, pos: QPoint) -> str:
        """The ISO3 code of the country under a viewport position, or ""."""
        hits = [str(i.data(0)) for i in self.items(pos) if i.data(0)]
        return hits[0] if hits else ""

    def scene_rect_of(self, iso3: str) -> QRectF:
        return self.paths[iso3].sceneBoundingRect()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        iso3 = self.country_at(event.position().toPoint())
        if iso3 != self.hovered:
            self.hovered = iso3
            self.hover_outline.setPath(self.paths[iso3].path() if iso3 else QPainterPath())
            if iso3:
                self.setToolTip(self.paths[iso3].toolTip())
            self.sig_country_hovered.emit(iso3)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        pos = event.position().toPoint()
        if press is not None and (pos - press).manhattanLength() <= CLICK_SLOP:
            iso3 = self.country_at(pos)
            if iso3:
                self.sig_country_clicked.emit(iso3)
