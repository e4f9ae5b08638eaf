"""The map's colours and patterns in one place: rounds, non-members, the selection and the marked answer.

Eleven enlargement rounds are more than any categorical colour-blind-safe palette holds, so the
rounds take Paul Tol's discrete rainbow (11 colours), which is ordered like the rounds themselves:
purple for 1949 through blue, green and yellow to red for 2023 and dark red for 2024. Neighbours
that joined in different rounds (Finland and Sweden, Germany and Poland) differ in lightness too,
and the legend, the hover text and the list always say the round in words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from irtutor.charts.palette import BLUE, ORANGE, VERMILION

ROUND_COLOURS = ("#882E72", "#1965B0", "#5289C7", "#7BAFDE", "#4EB265", "#CAE0AB",
                 "#F7F056", "#F4A736", "#E8601C", "#DC050C", "#72190E")
"""Tol's discrete rainbow for 11 ordered classes, oldest round first."""
NON_MEMBER = "#d4d4d4"
SEA = "#eef2f6"
DARK_SEA = "#1a2633"
DARK_NON_MEMBER = "#5b6068"
"""The sea and the land of non-members on a dark palette; the rounds keep their colours."""


def shown(colour: str, dark: bool) -> str:
    """The colour as drawn: a non-member's grey turns dark on a dark palette, all else stays."""
    return DARK_NON_MEMBER if dark and colour == NON_MEMBER else colour
BORDER = "#ffffff"
HIGHLIGHT = "#000000"
SELECTED = BLUE
RIGHT = "#009E73"
WRONG = VERMILION
MISSED = ORANGE


def round_colours(rounds: list[str]) -> dict[str, QColor]:
    """Each round (given oldest first) its colour; more than 11 rounds cycle rather than fail."""
    return {name: QColor(ROUND_COLOURS[i % len(ROUND_COLOURS)]) for i, name in enumerate(rounds)}


def border_pen() -> QPen:
    pen = QPen(QColor(BORDER), 0.8)
    pen.setCosmetic(True)  # one screen pixel at every zoom
    return pen


def outline_pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def solid(colour: str | QColor) -> QBrush:
    return QBrush(QColor(colour))


MARKS: dict[str, tuple[str, Qt.BrushStyle, str, str]] = {
    "right": (RIGHT, Qt.BrushStyle.NoBrush, "✓", "right: selected and a right answer"),
    "wrong": (WRONG, Qt.BrushStyle.DiagCrossPattern, "✗", "wrong: selected but not a right answer"),
    "missed": (MISSED, Qt.BrushStyle.BDiagPattern, "?", "missed: a right answer not selected"),
}
"""How a marked answer looks: the fill colour, the hatching and the symbol that tell the marks apart
without colour (plain, cross-hatched, striped with a dashed outline), and the legend's words."""
