"""The panel beside the timeline: the selected event's date, title, description, sources and lessons.

Sources are shown as selectable plain text, never as links: the app opens no web addresses.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QTextEdit, QVBoxLayout, QWidget

from irtutor.core.datasets import Event
from irtutor.qtkit.plain_text import plain_tooltip
from irtutor.services.event_coverage import PageRef

NOTHING_SELECTED = "Select an event on the timeline (click it, or use the Left and Right arrow keys)."
SOURCE = "Source: {url}"
SECOND_SOURCE = "Second source: {url}"
CONTESTED_NOTE = "Contested: the positions are in the description."
SOURCE_CHECKS = {
    "seen": "Source check: seen (the page, or a verbatim copy, was read).",
    "cited": "Source check: cited (several independent works cite this address for it; its text was not read).",
    "known": "Source check: known (a standard address, not verified against a copy).",
}
GO_TO_PAGE = "Go to the lesson page:\n{title}"
BUTTON_CHARS = 34
"""Longer page titles are cut with "…" on the button (the whole title is its tooltip and spoken name)."""
GO_TO_PAGE_SPOKEN = "Go to the lesson page “{title}”"
NO_LESSON = "No lesson page covers this event yet."
PANEL_NAME = "Event details"


def _text_label(selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # descriptions and addresses are data, never markup
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class _Address(QTextEdit):
    """A web address as selectable plain text that wraps anywhere (addresses have no spaces to wrap at),
    as tall as its lines; copying it gives the address exactly, with nothing inserted."""

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(0)
        self.textChanged.connect(self._fit)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # the name QLabel uses, so the panel sets both alike
        self.setPlainText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.document().setTextWidth(self.viewport().width())
        self.setFixedHeight(int(self.document().size().height()) + 2)


class EventDetail(QWidget):
    sig_open_page = Signal(str, str)
    """The student asked for the lesson page covering the event: (lesson id, page slug)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(PANEL_NAME)
        self.date = _text_label()
        self.title = _text_label(selectable=True)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.description = _text_label(selectable=True)
        self.contested = _text_label()
        self.contested.setStyleSheet("font-weight: bold;")
        self.source, self.second_source = _Address(), _Address()
        self.source_check = _text_label()
        self.no_lesson = _text_label()
        self.page_buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        for label in (self.date, self.title, self.description, self.contested, self.source, self.second_source,
                      self.source_check, self.no_lesson):
            self._layout.addWidget(label)
        self._layout.addStretch(1)
        self.clear()

    def clear(self) -> None:
        self.date.setText(NOTHING_SELECTED)
        for label in (self.title, self.description, self.contested, self.source, self.second_source,
                      self.source_check, self.no_lesson):
            label.setVisible(False)
        self._set_pages(())

    def show_event(self, event: Event, pages: Sequence[PageRef]) -> None:
        self.date.setText(f"{event.day.day} {event.day:%B %Y}  ({event.day.isoformat()})")
        self.title.setText(event.title)
        self.description.setText(event.description)
        self.contested.setText(CONTESTED_NOTE if event.contested else "")
        self.source.setText(SOURCE.format(url=event.source_url))
        self.second_source.setText(SECOND_SOURCE.format(url=event.alt_source_url) if event.alt_source_url else "")
        self.source_check.setText(SOURCE_CHECKS.get(event.source_check, event.source_check))
        for label in (self.title, self.description, self.contested, self.source, self.second_source,
                      self.source_check):
            label.setVisible(bool(label.text()))
        self.no_lesson.setText(NO_LESSON)
        self.no_lesson.setVisible(not pages)
        self._set_pages(pages)

    def first_control(self) -> QWidget:
        """Where Enter on the timeline puts the keyboard: the first lesson button, else the description."""
        return self.page_buttons[0] if self.page_buttons else self.description

    def _set_pages(self, pages: Sequence[PageRef]) -> None:
        for button in self.page_buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.page_buttons = []
        for lesson_id, slug, title in pages:
            short = title if len(title) <= BUTTON_CHARS else title[:BUTTON_CHARS - 1].rstrip() + "…"
            button = QPushButton(GO_TO_PAGE.format(title=short))
            button.setToolTip(plain_tooltip(title))
            button.setAccessibleName(GO_TO_PAGE_SPOKEN.format(title=title))
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, lesson=lesson_id, page=slug: self.sig_open_page.emit(lesson, page))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.page_buttons.append(button)
