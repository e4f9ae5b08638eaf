"""The page as students will read it: the real `LessonReader` on the editor's unsaved text.

The figures a page places are kept while their directive is unchanged (`PreviewReader`).
Refreshing is debounced (a single-shot timer restarted on each change), so a burst of typing
costs one parse and one render, shown `DEBOUNCE_MS` after the last key. Text that cannot be
shown (a half-typed figure fence, say) leaves the last good page on screen with a one-line
notice, so the preview does not flicker while the author is mid-word.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QVBoxLayout, QWidget

from irtutor.content.pages import page_blocks, parse_page
from irtutor.core.directives import Directive
from irtutor.core.lesson import Lesson, Page
from irtutor.core.problems import Problem
from irtutor.qtkit.plain_text import plain_label, plain_tooltip
from irtutor.ui.lesson_reader import LessonReader

log = logging.getLogger(__name__)
DEBOUNCE_MS = 80
"""After the last keystroke. A refresh and its paint take 20-40 ms (bench_preview.py), so the page is
on screen within 150 ms of the last key; a typist's keys come closer together than this, mostly."""
NOT_UPDATED = "Preview not updated: line {line}: {message}"
CANNOT_SHOW = "Preview not updated: this text could not be read ({error})"


FigureKey = tuple[str, str, tuple[tuple[str, str], ...]]


class PreviewReader(LessonReader):
    """The student's reader, except that a figure whose directive is unchanged is reused, not rebuilt.

    Typing beside a map would otherwise rebuild it on every refresh (some 70 ms each), and reset
    what the author had set on it, such as its year.
    """

    def __init__(self, lesson: Lesson, parent: QWidget | None = None) -> None:
        self._spare: dict[FigureKey, list[QWidget]] = {}  # before the base, whose __init__ shows a page
        super().__init__(lesson, parent=parent)

    def show_page(self, index: int) -> None:
        self._used: dict[FigureKey, list[QWidget]] = {}
        super().show_page(index)
        self._spare = self._used  # the figures not used again went with the old page's widgets

    def _figure(self, directive: Directive, page_slug: str) -> QWidget:
        key = (directive.kind, directive.target, directive.params)
        spare = self._spare.get(key)
        figure = spare.pop() if spare else super()._figure(directive, page_slug)
        self._used.setdefault(key, []).append(figure)
        return figure


class PagePreview(QWidget):
    """One page of a lesson in the student's reader, following unsaved text."""

    sig_refreshed = Signal(bool)
    """A refresh ran: True when it shows the latest text, False when it kept the last good page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = plain_label()
        self.notice.setObjectName("preview-notice")
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # one line, clipped
        self.notice.hide()
        self.reader: PreviewReader | None = None
        self.lesson: Lesson | None = None
        self.page_path = Path()
        self._text = ""
        self._line_fraction = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5 % late
        self.timer.setInterval(DEBOUNCE_MS)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.notice)
        self.timer.timeout.connect(self.refresh)

    def show_page(self, lesson: Lesson, page_path: Path, text: str) -> None:
        """Show `text` as the page `page_path` of `lesson`, now (no debounce: a page was opened)."""
        self.lesson, self.page_path, self._text = lesson, page_path, text
        self._line_fraction = 0.0
        if self.reader is None:
            self.reader = PreviewReader(lesson)
            self._layout.addWidget(self.reader, 1)
        elif lesson.id not in {other.id for other in self.reader.course}:
            self.reader.course = (lesson,)  # another lesson: links and the timeline follow it
        self.refresh()

    def set_text(self, text: str) -> None:
        """The text changed: show it once the author pauses."""
        self._text = text
        self.timer.start()

    def follow_line(self, line: int, line_count: int) -> None:
        """Keep the edited line (1-based, of `line_count`) in view after each refresh."""
        self._line_fraction = (line - 1) / max(1, line_count - 1)

    def refresh(self) -> bool:
        """Parse and show the text now; False (and the notice) when the last good page is kept."""
        self.timer.stop()
        if self.lesson is None or self.reader is None:
            return False
        try:
            page, problem = self._parse()
        except Exception as exc:  # a preview must never take the editor down with it
            log.exception("preview of %s failed", self.page_path)
            return self._keep(CANNOT_SHOW.format(error=str(exc) or type(exc).__name__))
        if problem is not None:
            return self._keep(NOT_UPDATED.format(line=problem.line, message=problem.message))
        self._show(page)
        self.notice.hide()
        self.sig_refreshed.emit(True)
        return True

    def _parse(self) -> tuple[Page, Problem | None]:
        """The page, and the first problem that stops it being shown: a figure that cannot be drawn.

        Unknown citations and terms are shown as the reader shows them; they are the problems
        panel's to report.
        """
        assert self.lesson is not None
        sources = {s.id for s in self.lesson.sources}
        terms = {t.term for t in self.lesson.terms}
        page, problems = parse_page(self.page_path, self._text, sources, terms)
        fences = {fence.line for fence in page_blocks(self._text).figures} if "{" in self._text else set()
        return page, next((p for p in problems if p.line in fences), None)

    def _keep(self, message: str) -> bool:
        self.notice.setText(message)
        self.notice.setToolTip(plain_tooltip(message))
        self.notice.show()
        self.sig_refreshed.emit(False)
        return False

    def _show(self, page: Page) -> None:
        assert self.lesson is not None and self.reader is not None
        pages = list(self.lesson.pages)
        index = next((i for i, p in enumerate(pages) if p.slug == page.slug), len(pages))
        pages[index:index + 1] = [page]
        lesson = dataclasses.replace(self.lesson, pages=tuple(pages))
        reader = self.reader
        reader.lesson = lesson
        reader.course = tuple(lesson if other.id == lesson.id else other for other in reader.course)
        reader.show_page(index)
        self.scroll_to_line()
        QTimer.singleShot(0, self, self.scroll_to_line)  # again once the page's layout has settled

    def page_view(self) -> QAbstractScrollArea | None:
        """The scrolling view the reader shows the page in (its text, or its parts around figures)."""
        if self.reader is None:
            return None
        view = self.reader.body.currentWidget()
        return view if isinstance(view, QAbstractScrollArea) else None

    def scroll_to_line(self) -> None:
        """Scroll the page so the edited line's place (as a fraction of the page) is mid-view."""
        view = self.page_view()
        if view is None:
            return
        bar = view.verticalScrollBar()
        content = bar.maximum() + bar.pageStep()
        bar.setValue(round(self._line_fraction * content - bar.pageStep() / 2))
