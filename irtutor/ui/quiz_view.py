"""The quiz tab: choose practice or test, answer one question at a time, review finished attempts."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from irtutor.core.grading import Outcome
from irtutor.core.lesson import Lesson
from irtutor.core.practice_focus import Focus, QuestionRecord
from irtutor.core.questions import Question, Response
from irtutor.core.quiz_settings import QuizMode
from irtutor.services.attempt_history import AttemptReview
from irtutor.services.quiz_session import QuizSession
from irtutor.ui import messages
from irtutor.ui.attempt_review import verdict_of
from irtutor.ui.flow_layout import FlowLayout
from irtutor.ui.ops import Change, Operations
from irtutor.ui.question_base import QuestionWidget
from irtutor.ui.question_factory import make_question_widget
from irtutor.ui.quiz_feedback import answer_html, try_html
from irtutor.ui.quiz_navigator import QuizNavigator
from irtutor.ui.quiz_pages import AttemptReviewPage, QuizStartPage
from irtutor.ui.safe_browser import SafeTextBrowser


@dataclass(frozen=True)
class QuizActions:
    """What the quiz tab may ask of the services, bound by the window to a lesson and a student."""

    resume: Callable[[], QuizSession | None]
    start: Callable[[QuizMode, Focus], QuizSession]
    history: Callable[[], list[AttemptReview]]
    records: Callable[[], dict[str, QuestionRecord]]


class QuizView(QWidget):
    sig_open_page = Signal(str)
    """The student followed a link back to the page with this slug."""

    def __init__(self, lesson: Lesson, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson, self.ops = lesson, ops
        self.actions: QuizActions | None = None
        self.session: QuizSession | None = None
        self.position = 0
        """The question on screen; the session's saved place catches up once the worker has saved it."""
        self.question_widget: QuestionWidget | None = None
        self.shown_at = time.monotonic()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.start_page = QuizStartPage(lesson.quiz_settings.modes)
        self.review_page = AttemptReviewPage()
        self.question_page = QWidget()
        self.header = QLabel()
        self.header.setObjectName("question-header")
        self.progress = QLabel()
        self.clock = QLabel()
        self.clock.setObjectName("time-left")
        self.navigator = QuizNavigator()
        self.flag_button = QPushButton(messages.FLAG)
        self.flag_button.setCheckable(True)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.confirm_box: QMessageBox | None = None
        """The question before a test is submitted, while it is open (non-modal, so tests can answer it)."""
        self.question_area = QStackedWidget()
        self.feedback = SafeTextBrowser()
        self.feedback.setObjectName("feedback")
        self.feedback.setAccessibleName("Feedback")
        self.check_button = QPushButton(messages.CHECK_ANSWER)
        self.retry_button = QPushButton()
        self.reveal_button = QPushButton(messages.SHOW_ANSWER)
        self.previous_button = QPushButton("◀ Previous question")
        self.next_button = QPushButton("Next question ▶")
        self.finish_button = QPushButton(messages.FINISH)
        self.pages = QStackedWidget()
        self._build_layout()
        self._connect()
        self.set_actions(None, messages.QUIZ_NEEDS_STUDENT)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.clock)
        top.addWidget(self.progress)
        buttons = FlowLayout(spacing=6)  # the row wraps in a narrow window instead of clipping its labels
        for button in (self.previous_button, self.check_button, self.retry_button, self.reveal_button,
                       self.next_button, self.flag_button, self.finish_button):
            buttons.addWidget(button)
        question_layout = QVBoxLayout(self.question_page)
        question_layout.setContentsMargins(0, 0, 0, 0)
        question_layout.addWidget(self.navigator)
        question_layout.addLayout(top)
        question_layout.addWidget(self.question_area)
        question_layout.addLayout(buttons)
        question_layout.addWidget(self.feedback, 1)
        for page in (self.start_page, self.question_page, self.review_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)

    def _connect(self) -> None:
        self.check_button.clicked.connect(self.check_answer)
        self.retry_button.clicked.connect(self.try_again)
        self.reveal_button.clicked.connect(self.reveal_answer)
        self.previous_button.clicked.connect(lambda: self.go_to(self._position() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self._position() + 1))
        self.finish_button.clicked.connect(self.finish)
        self.flag_button.clicked.connect(self.toggle_flag)
        self.navigator.sig_go.connect(self.go_to)
        self.timer.timeout.connect(self._tick)
        self.feedback.link_activated.connect(self._on_link)
        self.review_page.text.link_activated.connect(self._on_link)  # "page:" links; the page opens rows itself
        self.review_page.sig_back.connect(self.show_start)
        self.start_page.sig_start.connect(self.start)
        self.start_page.sig_review.connect(self.show_review)
        keys = {"Return": self._on_enter, "Enter": self._on_enter,
                "PgDown": lambda: self.go_to(self._position() + 1),
                "PgUp": lambda: self.go_to(self._position() - 1)}
        keys |= {str(n): partial(self._on_number, n) for n in range(1, 10)}
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self.question_page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- what the window calls

    def set_actions(self, actions: QuizActions | None, reason: str = "") -> None:
        """Bind the tab to a student (or show `reason` why there is no quiz to take), resuming
        the student's unfinished attempt if there is one."""
        self.actions, self.session = actions, None
        self.timer.stop()
        if actions is None or not self.lesson.questions:
            self.notice.setText(reason or messages.QUIZ_EMPTY)
            self.notice.setVisible(True)
            self.pages.setVisible(False)
            return
        self.notice.setVisible(False)
        self.pages.setVisible(True)
        self.ops.read(self, actions.resume, on_done=self._resume_or_start, on_failed=self.show_start)

    def _widget_for(self, question: Question, session: QuizSession) -> QuestionWidget:
        """The question in this attempt's order, its prompt's images from the lesson's media/ folder."""
        return make_question_widget(question, session.layout, lesson_folder=Path(self.lesson.folder))

    def start(self, mode: QuizMode) -> None:
        if self.actions is not None:
            focus = self.start_page.focus() if mode is QuizMode.PRACTICE else Focus.ALL
            self.ops.write(self, partial(self.actions.start, mode, focus), on_done=self.show_session,
                           changes=Change.ATTEMPT, disable=[self.start_page])  # one click, one attempt

    def show_start(self) -> None:
        self.session = None
        self.timer.stop()
        self.pages.setCurrentWidget(self.start_page)
        if self.actions is not None:
            self.ops.read(self, self.actions.history, on_done=self.start_page.show_history)
            self.ops.read(self, self.actions.records, on_done=partial(self.start_page.show_records, self.lesson))

    def show_review(self, review: AttemptReview) -> None:
        self.review_page.show_review(review)
        self.pages.setCurrentWidget(self.review_page)
        self.review_page.back_button.setFocus()

    def show_session(self, session: QuizSession) -> None:
        self.session = session
        self.check_button.setText(messages.CHECK_ANSWER if session.shows_feedback else messages.SAVE_ANSWER)
        self.pages.setCurrentWidget(self.question_page)
        self.go_to(session.state.position, remember=False)
        self.clock.setVisible(session.seconds_left() is not None)
        if session.seconds_left() is not None:  # a timed test: the clock runs on from the stored deadline
            self.timer.start()
            self._tick()

    def go_to(self, position: int, *, remember: bool = True) -> None:
        session = self.session
        if session is None or not 0 <= position < len(session.questions):
            return
        self.position = position
        if remember:
            self.ops.write(self, partial(session.move_to, position), changes=Change.ATTEMPT)
        question = session.questions[position]
        self._show_question_widget(self._widget_for(question, session))
        recorded = session.state.answered(question.id)
        self.feedback.clear()
        if recorded and session.shows_feedback:
            self._show_marked(self.question_widget, recorded.response)
        elif recorded:
            self.question_widget.set_response(recorded.response)
            self.feedback.setHtml(f"<p>{messages.SAVED_IN_TEST}</p>")
        self._refresh_controls()

    def check_answer(self) -> None:
        """Grade and commit the chosen answer; in practice mode the feedback appears only once saved."""
        session, widget = self.session, self.question_widget
        if session is None or widget is None or widget.property("answered") or not widget.isEnabled():
            return  # (a disabled question is being saved: Enter again must not save it twice)
        response = widget.selection()
        if not self._has_new_answer():
            return
        elapsed_ms = int((time.monotonic() - self.shown_at) * 1000)
        submit = partial(session.submit, widget.question.id, response, elapsed_ms)
        # The question stays as it is while it saves: no second click, no change to what is being saved.
        self.ops.write(self, submit, on_done=partial(self._on_answer_saved, widget, response), changes=Change.ANSWERS,
                       disable=[widget, self.check_button])

    def try_again(self) -> None:
        session = self.session
        if session is not None and self.question_widget and session.can_retry(self.question_widget.question.id):
            question = self.question_widget.question
            self._show_question_widget(self._widget_for(question, session))
            recorded = session.state.answered(question.id)
            if recorded is not None:  # Moodle's "Try again": the last try, to mend rather than redo
                self.question_widget.set_response(recorded.response)
            self.feedback.clear()
            self._refresh_controls()
            self.question_widget.setFocus()

    def reveal_answer(self) -> None:
        """"Show answer": the question's tries end, and its right answer and explanation show."""
        session, widget = self.session, self.question_widget
        if session is not None and widget is not None and session.state.answered(widget.question.id):
            session.reveal(widget.question.id)
            self.ops.write(self, partial(session.save_marks, session.marked_layout()))
            self.go_to(self.position, remember=False)
            self.next_button.setFocus()

    def toggle_flag(self) -> None:
        if self.session is not None and self.question_widget is not None:
            self.session.toggle_flag(self.question_widget.question.id)
            self.ops.write(self, partial(self.session.save_marks, self.session.marked_layout()))
            self._refresh_controls()

    def finish(self) -> None:
        """Finish practice at once; a test first asks, naming the questions still without an answer."""
        session = self.session
        if session is None or session.shows_feedback:
            self._submit()
            return
        gaps = session.unanswered()
        text = messages.CONFIRM_SUBMIT_ALL if not gaps else \
            (messages.CONFIRM_SUBMIT_ONE if len(gaps) == 1 else messages.CONFIRM_SUBMIT).format(
                numbers=_numbers(gaps))
        box = QMessageBox(QMessageBox.Icon.Question, messages.CONFIRM_SUBMIT_TITLE, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._on_confirmed(result))
        self.confirm_box = box
        box.open()

    def _on_confirmed(self, result: int) -> None:
        self.confirm_box = None
        if result == QMessageBox.StandardButton.Yes:
            self._submit()

    def _tick(self) -> None:
        """A second of a timed test: show what is left, and at zero submit it as it stands."""
        left = self.session.seconds_left() if self.session else None
        if left is None:
            self.timer.stop()
            return
        minutes, seconds = divmod(int(left + 0.999), 60)
        self.clock.setText(messages.TIME_LEFT.format(clock=f"{minutes}:{seconds:02d}"))
        if left <= 0:
            self.timer.stop()
            if self.confirm_box is not None:
                self.confirm_box.close()
            self._submit()

    def _submit(self) -> None:
        session, actions = self.session, self.actions
        if session is None or actions is None or session.state.finished:
            return
        self.timer.stop()
        self.ops.write(self, session.finish, changes=Change.ATTEMPT, disable=[self.finish_button],
                       on_done=lambda _score: self.ops.read(self, actions.history, on_done=self._after_finish))

    # --- internals

    def _resume_or_start(self, session: QuizSession | None) -> None:
        if session is None:
            self.show_start()
        else:
            self.show_session(session)

    def _after_finish(self, reviews: list[AttemptReview]) -> None:
        self.start_page.show_history(reviews)
        if reviews:
            self.show_review(reviews[0])
        else:
            self.show_start()

    def _position(self) -> int:
        return self.position if self.session else 0

    def _show_question_widget(self, widget: QuestionWidget) -> None:
        focus = QApplication.focusWidget()
        had_focus = self.question_widget is not None and focus is not None and self.question_widget.isAncestorOf(focus)
        if self.question_widget is not None:
            self.question_area.removeWidget(self.question_widget)
            self.question_widget.deleteLater()
        self.question_widget = widget
        self.question_area.addWidget(widget)
        self.question_area.setCurrentWidget(widget)
        widget.sig_selection_changed.connect(lambda _chosen: self._refresh_controls())
        # Removing the widget that had the focus sends it out of the quiz, where the quiz keys do not
        # work; and typed kinds need it in their field, or the digits a student types go to the 1-9 keys.
        if had_focus or widget.focusProxy() is not None:
            widget.setFocus()
        self.shown_at = time.monotonic()

    def _on_answer_saved(self, widget: QuestionWidget, response: Response, outcome: Outcome) -> None:
        session = self.session
        if session is None or widget is not self.question_widget:
            self._refresh_controls()  # the student moved on while it saved; going back shows it
            return
        if session.shows_feedback:
            self._show_marked(widget, response)
        else:
            self.feedback.setHtml(f"<p>{messages.SAVED_IN_TEST}</p>")
        self._refresh_controls()
        self.next_button.setFocus()

    def _show_marked(self, widget: QuestionWidget, response: Response) -> None:
        """A practice answer marked: in full once it may reveal, else only the student's own marks."""
        session = self.session
        outcome = session.shown_outcome(widget.question.id) if session else None
        if session is None or outcome is None:
            return
        if session.reveals(widget.question.id):
            widget.show_answer(response, outcome)
            self._show_feedback(outcome)
        else:
            widget.show_try(response, outcome)
            self._show_try_feedback(outcome, session.tries_left(widget.question.id))

    def _show_try_feedback(self, outcome: Outcome, left: int) -> None:
        beside = getattr(self.question_widget, "shows_part_feedback", False)  # then it is by each option
        self.feedback.setHtml(try_html(self.lesson, outcome, left, beside=beside))

    def _show_feedback(self, outcome: Outcome) -> None:
        tries = self.session.state.tries.get(outcome.question_id, 1) if self.session else 1
        beside = getattr(self.question_widget, "shows_part_feedback", False)
        self.feedback.setHtml(answer_html(self.lesson, outcome, tries, beside=beside))

    def _refresh_controls(self) -> None:
        session, widget = self.session, self.question_widget
        if session is None or widget is None:
            return
        position, total = self.position, len(session.questions)
        answered = len(session.state.answers)
        self.header.setText(messages.QUESTION_HEADER.format(number=position + 1, total=total))
        self.progress.setText(messages.ANSWERED_COUNT.format(answered=answered, total=total))
        locked = bool(widget.property("answered"))
        self.check_button.setEnabled(not locked and self._has_new_answer())
        retry = session.can_retry(widget.question.id) and locked
        self.retry_button.setVisible(retry)
        self.reveal_button.setVisible(retry)
        if retry:
            percent = round(session.next_try_penalty(widget.question.id) * 100)
            self.retry_button.setText(messages.TRY_AGAIN.format(percent=percent))
        self.previous_button.setEnabled(position > 0)
        flagged = widget.question.id in session.flagged
        self.flag_button.setChecked(flagged)
        self.flag_button.setText(messages.UNFLAG if flagged else messages.FLAG)
        self.navigator.show_states([self._state(q.id) for q in session.questions], position,
                                   frozenset(n for n, q in enumerate(session.questions) if q.id in session.flagged))
        self.next_button.setEnabled(position < total - 1)
        if session.shows_feedback:
            self.finish_button.setText(messages.FINISH)
            self.finish_button.setEnabled(True)  # practice ends whenever the student likes
        else:
            gaps = total - answered
            self.finish_button.setText(messages.SUBMIT_WITH_GAPS.format(count=gaps) if gaps else messages.SUBMIT_TEST)
            self.finish_button.setEnabled(True)

    def _state(self, question_id: str) -> str:
        """What the navigator shows of a question: its verdict once revealed, else whether it is answered."""
        session = self.session
        recorded = session.state.answered(question_id) if session else None
        if session is None or recorded is None:
            return "unanswered"
        if not (session.shows_feedback and session.reveals(question_id)):
            return "answered"
        return verdict_of(recorded.outcome)

    def _has_new_answer(self) -> bool:
        session, widget = self.session, self.question_widget
        if session is None or widget is None:
            return False
        response = widget.selection()
        if response.is_empty():
            return False
        saved = session.state.answered(widget.question.id)
        return saved is None or saved.response != response

    def _on_enter(self) -> None:
        if self._has_new_answer() and not (self.question_widget and self.question_widget.property("answered")):
            self.check_answer()
        else:
            self.go_to(self._position() + 1)

    def _on_number(self, number: int) -> None:
        if self.question_widget is not None and not self.question_widget.property("answered"):
            self.question_widget.press_number(number)

    def _on_link(self, href: str) -> None:
        kind, _, target = href.partition(":")
        if kind == "page":
            self.sig_open_page.emit(target)


def _numbers(numbers: list[int]) -> str:
    """[2, 5, 7] -> "2, 5 and 7"."""
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
