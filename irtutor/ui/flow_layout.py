"""A layout that places widgets left to right and wraps them onto new lines, like words in a paragraph.

Ported from Qt's Flow Layout example, with two changes for running text: an item may be
"glued" to the one before it (no space between them: a full stop after a gap), and the items
of one line are centred on the line, so words sit level with the taller gap boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 4, line_spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._glued: list[bool] = []
        self._spacing, self._line_spacing = spacing, line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def add_widget(self, widget: QWidget, *, glued: bool = False) -> None:
        """Add `widget` after the last item; `glued` puts no space between the two."""
        self.addChildWidget(widget)
        self._items.append(QWidgetItem(widget))
        self._glued.append(glued)
        self.invalidate()

    # --- QLayout's interface

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._glued.append(False)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        del self._glued[index]
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """As narrow as the widest single item: anything wider wraps."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # --- placing

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in `rect` (only measure unless `move`); the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        x = area.x()
        for item, glued in zip(self._items, self._glued, strict=True):
            if item.isEmpty():
                continue  # a hidden button takes no room, nor the gap before it
            width = item.sizeHint().width()
            gap = 0 if glued or not lines[-1] else self._spacing
            if lines[-1] and x + gap + width > area.right() + 1:
                lines.append([])
                x, gap = area.x(), 0
            lines[-1].append((item, x + gap))
            x += gap + width
        y = area.y()
        for line in lines:
            height = max((item.sizeHint().height() for item, _ in line), default=0)
            if move:
                for item, left in line:
                    hint = item.sizeHint()
                    item.setGeometry(QRect(QPoint(left, y + (height - hint.height()) // 2), hint))
            y += height + self._line_spacing
        return y - self._line_spacing - area.y() + margins.top() + margins.bottom()
