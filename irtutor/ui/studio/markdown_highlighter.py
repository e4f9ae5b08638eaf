"""Colours for a lesson page's Markdown: headings, citations, key terms and figure fences.

A fenced block can span many lines, so each block (line) ends in a state saying whether a
fence is still open, and of which kind: the next line starts from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from irtutor.content.pages import CITATION, TERM_LINK

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")


class State(IntEnum):
    """What a line leaves open for the next one (QSyntaxHighlighter's block state; -1 is 'none yet')."""

    PROSE = 0
    FIGURE_FENCE = 1
    CODE_FENCE = 2


@dataclass(frozen=True)
class Colours:
    """One colour per kind of markup; a set for light and a set for dark backgrounds."""

    heading: str
    citation: str
    term: str
    fence: str
    code: str


LIGHT = Colours(heading="#1a4d8f", citation="#a3470b", term="#1d6b34", fence="#7a2e8e", code="#5f6368")
DARK = Colours(heading="#8ab4f8", citation="#f6b26b", term="#81c995", fence="#d7aefb", code="#9aa0a6")


def colours_for(palette: QPalette) -> Colours:
    """The set that keeps its contrast on the editor's background."""
    return DARK if palette.color(QPalette.ColorRole.Base).lightness() < 128 else LIGHT


def _format(colour: str, *, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights a page as `irtutor.content.pages` reads it; `use_palette` after a theme change."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.use_palette(palette)

    def use_palette(self, palette: QPalette) -> None:
        colours = colours_for(palette)
        self.colours = colours
        self.formats = {
            "heading": _format(colours.heading, bold=True),
            "citation": _format(colours.citation),
            "term": _format(colours.term),
            "fence": _format(colours.fence, bold=True),
            "figure": _format(colours.fence),
            "code": _format(colours.code),
        }
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        state = State(previous) if previous in (State.FIGURE_FENCE, State.CODE_FENCE) else State.PROSE
        fence = FENCE.match(text)
        if state is not State.PROSE:
            self._inside_fence(text, state, fence is not None and not fence.group(2).strip())
        elif fence is not None:
            figure = fence.group(2).lstrip().startswith("{")
            self.setFormat(0, len(text), self.formats["fence" if figure else "code"])
            self.setCurrentBlockState(State.FIGURE_FENCE if figure else State.CODE_FENCE)
        else:
            self._prose(text)
            self.setCurrentBlockState(State.PROSE)

    def _inside_fence(self, text: str, state: State, closes: bool) -> None:
        if closes:
            self.setFormat(0, len(text), self.formats["fence" if state is State.FIGURE_FENCE else "code"])
            self.setCurrentBlockState(State.PROSE)
        else:
            self.setFormat(0, len(text), self.formats["figure" if state is State.FIGURE_FENCE else "code"])
            self.setCurrentBlockState(state)

    def _prose(self, text: str) -> None:
        if HEADING.match(text):
            self.setFormat(0, len(text), self.formats["heading"])
            return
        for pattern, name in ((CITATION, "citation"), (TERM_LINK, "term")):
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
