"""Showing lesson text as text.

Qt guesses: a label in its default AutoText format, and every tooltip, is drawn as rich text
when the string looks like HTML, and rich text loads `<img src=...>` from the local disk.
Lesson files come from anyone, so whatever they say reaches the screen through these two.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never reads its text as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it as written: escaped inside an explicit rich-text wrapper,
    since a tooltip has no plain-text mode to switch on."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
