"""The quiz tab: one question at a time, feedback at once, and the attempt kept as it goes."""

from __future__ import annotations

import html
import time
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from irtutor.content.safe_markdown import render_text
from irtutor.core.grading import Outcome
from irtutor.core.lesson import Lesson
from irtutor.services.quiz_session import QuizSession
from irtutor.ui import messages
from irtutor.ui.ops import Change, Operations
from irtutor.ui.question_factory import make_question_widget
from irtutor.ui.question_widget import ChoiceQuestionWidget
from irtutor.ui.safe_browser import SafeTextBrowser


class QuizView(QWidget):
    sig_open_page = Signal(str)
    """The student followed a feedback link back to the page with this slug."""

    sig_new_attempt_requested = Signal()
    """The student finished and asked to take the quiz again."""

    def __init__(self, lesson: Lesson, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson, self.ops = lesson, ops
        self.session: QuizSession | None = None
        self.question_widget: ChoiceQuestionWidget | None = None
        self.shown_at = time.monotonic()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.header = QLabel()
        self.header.setObjectName("question-header")
        self.progress = QLabel()
        self.question_area = QStackedWidget()
        self.feedback = SafeTextBrowser()
        self.feedback.setObjectName("feedback")
        self.feedback.setAccessibleName("Feedback")
        self.check_button = QPushButton(messages.CHECK_ANSWER)
        self.previous_button = QPushButton("◀ Previous question")
        self.next_button = QPushButton("Next question ▶")
        self.finish_button = QPushButton(messages.FINISH)
        self.again_button = QPushButton(messages.START_AGAIN)
        self._build_layout()
        self._connect()
        self.set_session(None, messages.QUIZ_NEEDS_STUDENT)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.progress)
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.check_button, self.next_button, self.finish_button,
                       self.again_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(top)
        layout.addWidget(self.question_area)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback, 1)

    def _connect(self) -> None:
        self.check_button.clicked.connect(self.check_answer)
        self.previous_button.clicked.connect(lambda: self.go_to(self._position() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self._position() + 1))
        self.finish_button.clicked.connect(self.finish)
        self.again_button.clicked.connect(self.sig_new_attempt_requested.emit)
        self.feedback.link_activated.connect(self._on_feedback_link)
        keys = {"Return": self._on_enter, "Enter": self._on_enter,
                "PgDown": lambda: self.go_to(self._position() + 1),
                "PgUp": lambda: self.go_to(self._position() - 1)}
        keys |= {str(n): partial(self._on_number, n) for n in range(1, 10)}
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- what the window calls

    def set_session(self, session: QuizSession | None, reason: str = "") -> None:
        """Show this attempt where it stands, or `reason` when there is no quiz to take."""
        self.session = session
        self.notice.setText(reason)
        self.notice.setVisible(bool(reason))
        if session is None or not session.questions:
            self.notice.setText(reason or messages.QUIZ_EMPTY)
            self.notice.setVisible(True)
            self._show_controls(False)
            return
        self._show_controls(True)
        self.again_button.setVisible(False)
        self.go_to(session.state.position, remember=False)

    def go_to(self, position: int, *, remember: bool = True) -> None:
        session = self.session
        if session is None or not 0 <= position < len(session.questions):
            return
        if remember:
            self.ops.run(self, partial(session.move_to, position), changes=Change.ATTEMPT)
        question = session.questions[position]
        widget = make_question_widget(question)
        widget.sig_selection_changed.connect(lambda chosen: self.check_button.setEnabled(chosen))
        self._replace_question_widget(widget)
        self.shown_at = time.monotonic()
        recorded = session.state.answered(question.id)
        if recorded:
            widget.show_answer(recorded.response, recorded.outcome)
            self._show_feedback(recorded.outcome)
        else:
            self.feedback.clear()
        self._refresh_controls()

    def check_answer(self) -> None:
        """Grade and commit the chosen answer; the feedback appears only once it is saved."""
        session, widget = self.session, self.question_widget
        if session is None or widget is None or widget.property("answered"):
            return
        response = widget.selection()
        if not response.selected:
            return
        elapsed_ms = int((time.monotonic() - self.shown_at) * 1000)
        submit = partial(session.submit, widget.question.id, response, elapsed_ms)
        self.ops.run(self, submit, on_done=lambda outcome: self._on_answer_saved(response, outcome),
                     changes=Change.ANSWERS)

    def finish(self) -> None:
        session = self.session
        if session is None:
            return
        self.ops.run(self, session.finish, on_done=self._show_result, changes=Change.ATTEMPT)

    # --- internals

    def _position(self) -> int:
        return self.session.state.position if self.session else 0

    def _replace_question_widget(self, widget: ChoiceQuestionWidget) -> None:
        if self.question_widget is not None:
            self.question_area.removeWidget(self.question_widget)
            self.question_widget.deleteLater()
        self.question_widget = widget
        self.question_area.addWidget(widget)
        self.question_area.setCurrentWidget(widget)

    def _on_answer_saved(self, response, outcome: Outcome) -> None:  # type: ignore[no-untyped-def]
        if self.question_widget is not None:
            self.question_widget.show_answer(response, outcome)
        self._show_feedback(outcome)
        self._refresh_controls()
        self.next_button.setFocus()

    def _show_feedback(self, outcome: Outcome) -> None:
        if outcome.correct:
            verdict = messages.CORRECT
        elif outcome.partially_correct:
            verdict = messages.PARTLY.format(percent=round(outcome.score * 100))
        else:
            verdict = messages.WRONG
        parts = [f"<p><b>{verdict}</b></p>"]
        parts += [render_text(text) for text in outcome.feedback]
        parts.append(render_text(outcome.explanation))
        page_number = self.lesson.page_number(outcome.page)
        if page_number is not None:
            title = html.escape(self.lesson.pages[page_number].title)
            parts.append(f"<p>{messages.READ_AGAIN.format(slug=outcome.page, title=title)}</p>")
        source = self.lesson.source(outcome.source)
        if source is not None:
            parts.append(f"<p><i>{html.escape(messages.SOURCE_LINE.format(citation=source.citation()))}</i></p>")
        self.feedback.setHtml("".join(parts))

    def _show_result(self, score: float) -> None:
        total = len(self.lesson.questions)
        self.feedback.setHtml(messages.FINISHED.format(score=round(score, 2), total=total))
        self._show_controls(False)
        self.again_button.setVisible(True)
        self.again_button.setFocus()

    def _show_controls(self, visible: bool) -> None:
        for widget in (self.header, self.progress, self.question_area, self.check_button,
                       self.previous_button, self.next_button, self.finish_button):
            widget.setVisible(visible)
        self.again_button.setVisible(False)

    def _refresh_controls(self) -> None:
        session = self.session
        if session is None:
            return
        position, total = session.state.position, len(session.questions)
        answered = len(session.state.answers)
        self.header.setText(messages.QUESTION_HEADER.format(number=position + 1, total=total))
        self.progress.setText(messages.ANSWERED_COUNT.format(answered=answered, total=total))
        locked = bool(self.question_widget and self.question_widget.property("answered"))
        self.check_button.setEnabled(not locked and bool(self.question_widget.selection().selected
                                                         if self.question_widget else False))
        self.previous_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < total - 1)
        self.finish_button.setEnabled(answered == total)

    def _on_enter(self) -> None:
        widget = self.question_widget
        if widget is not None and not widget.property("answered"):
            self.check_answer()
        else:
            self.go_to(self._position() + 1)

    def _on_number(self, number: int) -> None:
        if self.question_widget is not None:
            self.question_widget.press_number(number)

    def _on_feedback_link(self, href: str) -> None:
        kind, _, target = href.partition(":")
        if kind == "page":
            self.sig_open_page.emit(target)
