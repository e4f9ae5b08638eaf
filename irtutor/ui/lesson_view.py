"""One open lesson: its reading and its quiz, as two tabs."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from irtutor.core.lesson import Lesson
from irtutor.ui import messages
from irtutor.ui.lesson_reader import LessonReader
from irtutor.ui.ops import Operations
from irtutor.ui.quiz_view import QuizView

SUMMARY_MIN_HEIGHT = 600
"""Below this height the lesson's summary line gives its room to the page."""


class LessonView(QWidget):
    sig_open_lesson_page = Signal(str, str)
    """A figure asked for a page of some lesson: (lesson id, page slug)."""

    def __init__(self, lesson: Lesson, ops: Operations, course: Sequence[Lesson] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson = lesson
        title = QLabel(f"<h2>{html.escape(lesson.title)}</h2>")
        title.setWordWrap(True)
        self.summary = QLabel(lesson.summary)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.notice = QLabel(messages.left_out_notice(lesson.left_out_questions, lesson.quiz_unreadable))
        self.notice.setObjectName("left-out-notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setVisible(bool(lesson.left_out_questions or lesson.quiz_unreadable))
        self.reader = LessonReader(lesson, course)
        self.reader.sig_open_lesson_page.connect(self.sig_open_lesson_page)
        self.quiz = QuizView(lesson, ops)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.reader, "&Reading")
        self.tabs.addTab(self.quiz, messages.quiz_tab(len(lesson.questions)))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.quiz.sig_open_page.connect(self.open_page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # On a short screen (a netbook, 200% scaling) the page and its figures need the lines more.
        self.summary.setVisible(event.size().height() >= SUMMARY_MIN_HEIGHT)

    def open_page(self, slug: str) -> None:
        """Show the reading at this page (from a feedback link)."""
        self.reader.show_page_slug(slug)
        self.tabs.setCurrentWidget(self.reader)
        self.reader.focus_page()

    def show_quiz(self) -> None:
        self.tabs.setCurrentWidget(self.quiz)
