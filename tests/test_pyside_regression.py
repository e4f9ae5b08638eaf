"""PySide6 6.12.0 on Python 3.11 aborts ("none_dealloc") after a few thousand QGraphicsItem calls
that return None; pyqtgraph makes such calls constantly. This keeps the pin in pyproject honest."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsRectItem
from pytestqt.qtbot import QtBot


def test_ten_thousand_none_returning_graphics_item_calls(qtbot: QtBot) -> None:
    item = QGraphicsRectItem(0, 0, 10, 10)
    nones = 0
    for _ in range(5_000):
        nones += item.scene() is None
        nones += item.parentItem() is None
    assert nones == 10_000
