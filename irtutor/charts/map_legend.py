"""Legends beside the map: a colour swatch and a line of text per entry, nothing drawn over Europe."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

SWATCH = 18


def swatch(colour: str | QColor, pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern, *,
           ink: QColor | None = None, dashed: bool = False) -> QPixmap:
    """A small square of `colour`, with `pattern` drawn over it in `ink` (as the map's marks are)."""
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(colour))
    painter = QPainter(pixmap)
    if pattern != Qt.BrushStyle.SolidPattern:
        painter.fillRect(pixmap.rect(), QBrush(ink or QColor(colour).darker(160), pattern))
    pen_colour = QColor("#555555") if not dashed else QColor(colour).darker(130)
    painter.setPen(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    painter.setPen(pen_colour)
    painter.drawRect(0, 0, SWATCH - 1, SWATCH - 1)
    painter.end()
    return pixmap


class Legend(QWidget):
    """Rows of (swatch, text); texts can change (counts by year) without rebuilding the rows."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(3)
        heading = QLabel(f"<b>{title}</b>")
        self.grid.addWidget(heading, 0, 0, 1, 2)
        self.texts: dict[str, QLabel] = {}
        self.swatches: dict[str, QLabel] = {}

    def add_row(self, key: str, pixmap: QPixmap, text: str) -> None:
        row = self.grid.rowCount()
        icon, label = QLabel(), QLabel(text)
        icon.setPixmap(pixmap)
        self.grid.addWidget(icon, row, 0)
        self.grid.addWidget(label, row, 1)
        self.swatches[key], self.texts[key] = icon, label

    def set_text(self, key: str, text: str, *, dim: bool = False) -> None:
        label = self.texts[key]
        label.setText(text)
        label.setEnabled(not dim)  # the swatch keeps its colour: greyed it would read as "not a member"
