"""The reading pane: one page at a time, with key terms and the sources the page cites."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from irtutor.content.safe_markdown import render_page
from irtutor.core.directives import Directive
from irtutor.core.lesson import Lesson
from irtutor.qtkit.plain_text import plain_label
from irtutor.ui import messages
from irtutor.ui.directive_widgets import make_directive_widget
from irtutor.ui.page_parts import ColumnBrowser, PagePartsView, char_width

_PAGE_STEPS = {Qt.Key.Key_Left: -1, Qt.Key.Key_PageUp: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_PageDown: 1}
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
SIDE_CHARS = 32
"""The side panel is at least this many characters wide: key terms and addresses read whole."""
NARROW_CHARS = 130
"""Below this many characters of reader width the side panel folds away behind its button."""


class LessonReader(QWidget):
    sig_page_changed = Signal(int)
    """The page on screen changed; the argument is its zero-based index."""
    sig_open_lesson_page = Signal(str, str)
    """A figure (the timeline) asked for a page of a lesson: (lesson id, page slug)."""

    def __init__(self, lesson: Lesson, course: Sequence[Lesson] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson = lesson
        self.course = tuple(course) or (lesson,)
        self.page_index = 0
        self.media_root = Path(lesson.folder) if lesson.folder else None
        """The lesson folder whose media/ images its pages show."""
        self.text = ColumnBrowser(media_root=self.media_root)
        self.text.setObjectName("page-text")
        self.text.setAccessibleName("Lesson page")
        self.parts = PagePartsView()
        self.body = QStackedWidget()
        self.body.addWidget(self.text)
        self.body.addWidget(self.parts)
        self.side = ColumnBrowser(measure=1000)  # as wide as the panel; its colours follow the theme
        self.side.setObjectName("page-notes")
        self.side.setAccessibleName("Key terms and sources")
        self.previous_button = QPushButton("◀ Previous")
        self.next_button = QPushButton("Next ▶")
        self.notes_button = QPushButton(messages.NOTES_BUTTON)
        self.notes_button.setObjectName("notes-button")
        self.notes_button.setCheckable(True)
        self.notes_button.setChecked(True)
        self.notes_button.setToolTip(messages.NOTES_TOOLTIP)
        self._narrow: bool | None = None
        self.page_label = plain_label()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setWordWrap(True)  # a long page title wraps rather than widening the window
        self._build_layout()
        self._connect()
        self.show_page(0)

    def _build_layout(self) -> None:
        self.splitter = splitter = QSplitter()
        splitter.setObjectName("reader-splitter")
        splitter.addWidget(self.body)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.page_label, 1)
        nav.addWidget(self.next_button)
        nav.addWidget(self.notes_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(nav)

    def _connect(self) -> None:
        self.previous_button.clicked.connect(lambda: self.show_page(self.page_index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page_index + 1))
        self.notes_button.toggled.connect(self._show_side)
        self.text.link_activated.connect(self.follow_link)
        self.parts.link_activated.connect(self.follow_link)
        self.side.link_activated.connect(self.follow_link)
        for widget in (self.text, self.parts, self.side, self.previous_button, self.next_button):
            widget.installEventFilter(self)
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # works from the lesson list too
            shortcut.activated.connect(lambda n=number: self.show_page(n - 1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_side()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_side)  # after a restored splitter state has been applied

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_side()

    def _fit_side(self) -> None:
        """A readable side panel where there is room; a drawer behind "Key terms" where there is not.

        Crossing the width shows or hides it; in between, the button is the student's to press.
        """
        chars = char_width(QFontMetricsF(self.side.font()))
        narrow = self.width() < NARROW_CHARS * chars
        if narrow != self._narrow:
            self._narrow = narrow
            self.notes_button.setChecked(not narrow)
        wanted = int(SIDE_CHARS * chars) + 24  # no minimum width: the window may be made smaller than this
        sizes = self.splitter.sizes()
        if self.side.isVisible() and 0 < sizes[1] < wanted and sum(sizes) > 2 * wanted:
            self.splitter.setSizes([sum(sizes) - wanted, wanted])

    def _show_side(self, shown: bool) -> None:
        self.side.setVisible(shown)
        if shown:
            QTimer.singleShot(0, self, self._fit_side)  # once the splitter has laid the panel out

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Page keys turn pages even where the text box would scroll or move a cursor.
        if isinstance(event, QKeyEvent) and event.type() in _KEY_EVENTS and not event.modifiers() & ~_KEYPAD:
            step = _PAGE_STEPS.get(event.key(), 0)
            if step:
                if event.type() == QEvent.Type.KeyPress:
                    self.show_page(self.page_index + step)
                event.accept()
                return True
        return super().eventFilter(watched, event)

    def show_page(self, index: int) -> None:
        if not 0 <= index < len(self.lesson.pages):
            return
        self.page_index = index
        page = self.lesson.pages[index]
        had_focus = _holds(self, QApplication.focusWidget())
        in_body = _holds(self.body, QApplication.focusWidget())
        rendered = render_page(page, self.lesson)
        self.text.setHtml(rendered.html)  # the whole page, also where figures are shown part by part
        if page.directives:
            self.parts.show_parts(rendered.parts, lambda d: self._figure(d, page.slug), key_filter=self,
                                  media_root=self.media_root)
            self.body.setCurrentWidget(self.parts)
        else:
            self.body.setCurrentWidget(self.text)
        self.side.setHtml(self._notes_html(index, rendered.cited))
        total = len(self.lesson.pages)
        self.page_label.setText(messages.PAGE_LABEL.format(number=index + 1, total=total, title=page.title))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < total - 1)
        if in_body or (had_focus and not _holds(self, QApplication.focusWidget())):
            self.focus_page()  # the page (or a button) that had the keyboard went: keep it in the reader
        self.sig_page_changed.emit(index)

    def _figure(self, directive: Directive, page_slug: str) -> QWidget:
        figure = make_directive_widget(directive, self.lesson, page_slug, self.course)
        link = getattr(figure, "sig_open_page", None)
        if link is not None:
            link.connect(self.sig_open_lesson_page)
        return figure

    def focus_page(self) -> None:
        """Put the keyboard in the page on screen: the text, or its first chunk where figures split it."""
        target = self.parts.chunks[0] if self.body.currentWidget() is self.parts and self.parts.chunks else self.text
        target.setFocus()

    def show_page_slug(self, slug: str) -> None:
        index = self.lesson.page_number(slug)
        if index is not None:
            self.show_page(index)

    def follow_link(self, href: str) -> None:
        kind, _, target = href.partition(":")
        if kind == "page":
            lesson_id, _, slug = target.rpartition("/")
            if lesson_id and lesson_id != self.lesson.id:
                self.sig_open_lesson_page.emit(lesson_id, slug)  # the window opens the other lesson
            else:
                self.show_page_slug(slug)
        elif kind == "term":
            self.side.scrollToAnchor(_anchor("term", unquote(target)))
        elif kind == "cite":
            self.side.scrollToAnchor(_anchor("cite", unquote(target)))

    def _notes_html(self, index: int, cited: tuple) -> str:
        lesson, page = self.lesson, self.lesson.pages[index]
        parts = [f"<h3>{messages.TERMS_HEADER}</h3>"]
        terms = [t for t in (lesson.term(name) for name in page.terms) if t is not None]
        parts += [f'<p><a name="{_anchor("term", t.term)}"></a><b>{html.escape(t.term)}</b>: '
                  f"{html.escape(t.definition)}</p>" for t in terms] or [f"<p>{messages.NO_TERMS}</p>"]
        parts.append(f"<h3>{messages.SOURCES_HEADER}</h3>")
        parts += [f'<p><a name="{_anchor("cite", s.id)}"></a>[{n}] {html.escape(s.citation())}</p>'
                  for n, s in enumerate(cited, start=1)] or [f"<p>{messages.NO_SOURCES}</p>"]
        further = [s for s in (lesson.source(sid) for sid in lesson.further_reading) if s is not None]
        if further:
            parts.append(f"<h3>{messages.FURTHER_READING}</h3>")
            parts += [f"<p>{html.escape(s.citation())}</p>" for s in further]
        parts.append(f"<h3>{messages.OBJECTIVES}</h3><ul>")
        parts += [f"<li>{html.escape(o)}</li>" for o in lesson.objectives]
        parts.append("</ul>")
        if lesson.facts_as_of:
            parts.append(f"<p><i>{messages.FACTS_AS_OF.format(date=lesson.facts_as_of)}</i></p>")
        return "".join(parts)


def _holds(ancestor: QWidget, widget: QWidget | None) -> bool:
    return widget is not None and (widget is ancestor or ancestor.isAncestorOf(widget))


def _anchor(kind: str, name: str) -> str:
    return f"{kind}-" + "".join(c if c.isalnum() else "-" for c in name.casefold())
