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
        self.heading = heading
        self.texts: dict[str, QLabel] = {}
        self.swatches: dict[str, QLabel] = {}
        self.columns = 1

    def add_row(self, key: str, pixmap: QPixmap, text: str) -> None:
        icon, label = QLabel(), QLabel(text)
        icon.setPixmap(pixmap)
        self.swatches[key], self.texts[key] = icon, label
        self._place(len(self.texts) - 1, icon, label)

    def _place(self, index: int, icon: QLabel, label: QLabel) -> None:
        per_column = -(-len(self.texts) // self.columns) if self.columns > 1 else 1 << 30
        row, column = 1 + index % per_column, 2 * (index // per_column)
        self.grid.addWidget(icon, row, column)
        self.grid.addWidget(label, row, column + 1)

    def set_columns(self, columns: int) -> None:
        """Lay the rows out in `columns` columns (read down, then across): a short page keeps the
        whole legend beside the map instead of drawing it over the text below."""
        columns = max(1, min(columns, len(self.texts)))
        if columns == self.columns:
            return
        self.columns = columns
        for icon, label in zip(self.swatches.values(), self.texts.values(), strict=True):
            self.grid.removeWidget(icon)
            self.grid.removeWidget(label)
        self.grid.removeWidget(self.heading)
        self.grid.addWidget(self.heading, 0, 0, 1, 2 * columns)
        for index, (icon, label) in enumerate(zip(self.swatches.values(), self.texts.values(), strict=True)):
            self._place(index, icon, label)

    def height_for_columns(self, columns: int) -> int:
        """The legend's height laid out in `columns` columns."""
        rows = -(-len(self.texts) // max(1, columns))
        row_height = max((label.sizeHint().height() for label in self.texts.values()), default=0)
        row_height = max(row_height, SWATCH)
        spacing = self.grid.verticalSpacing()
        return self.heading.sizeHint().height() + rows * (row_height + spacing)

    def set_text(self, key: str, text: str, *, dim: bool = False) -> None:
        label = self.texts[key]
        label.setText(text)
        label.setEnabled(not dim)  # the swatch keeps its colour: greyed it would read as "not a member"
