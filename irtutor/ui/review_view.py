"""The review queue: the questions due now, from every lesson, one at a time."""

from __future__ import annotations

import html
import time
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from irtutor.content.safe_markdown import render_text
from irtutor.core.grading import Outcome
from irtutor.core.practice_focus import Focus
from irtutor.core.questions import Response
from irtutor.services.review_session import ReviewSession
from irtutor.ui import messages
from irtutor.ui.attempt_review import verdict_words
from irtutor.ui.local_time import local_clock
from irtutor.ui.ops import Change, Operations
from irtutor.ui.question_base import QuestionWidget
from irtutor.ui.question_factory import make_question_widget
from irtutor.ui.safe_browser import SafeTextBrowser, lesson_page_href, lesson_page_target

FOCUS_LABELS = {Focus.ALL: messages.FOCUS_DUE, Focus.WRONG: messages.FOCUS_WRONG,
                Focus.DIFFICULT: messages.FOCUS_DIFFICULT}
NOTHING = {Focus.ALL: messages.NOTHING_DUE, Focus.WRONG: messages.NOTHING_WRONG,
           Focus.DIFFICULT: messages.NOTHING_DIFFICULT}


def nothing_due(focus: Focus, next_due: datetime | None) -> str:
    """The empty queue's words; for the due cards, when the next one comes back."""
    if focus is Focus.ALL and next_due is not None:
        return messages.NOTHING_DUE_UNTIL.format(when=html.escape(local_clock(next_due)))
    return NOTHING[focus]


class ReviewView(QDialog):
    sig_open_page = Signal(str, str)
    """The student followed the feedback's link: (lesson id, page slug)."""
    sig_focus = Signal(str)
    """The student asked for other questions: a Focus (due now, got wrong, difficult)."""

    def __init__(self, session: ReviewSession, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(messages.DUE_REVIEW_TITLE)
        self.setObjectName("review")
        self.resize(820, 620)
        self.session, self.ops = session, ops
        self.index = 0
        self.done_count = 0
        self.question_widget: QuestionWidget | None = None
        self.shown_at = time.monotonic()
        self.focus_buttons: dict[Focus, QPushButton] = {}
        focus_row = QHBoxLayout()
        for focus, label in FOCUS_LABELS.items():
            button = QPushButton(label)
            button.setCheckable(True)
            button.setChecked(focus is session.focus)
            button.setToolTip(messages.FOCUS_HINT)
            button.clicked.connect(lambda _=False, f=focus: self._choose_focus(f))
            self.focus_buttons[focus] = button
            focus_row.addWidget(button)
        focus_row.addStretch(1)
        self.header = QLabel()
        self.area = QStackedWidget()
        self.feedback = SafeTextBrowser()
        self.feedback.setObjectName("review-feedback")
        self.check_button = QPushButton(messages.CHECK_ANSWER)
        self.next_button = QPushButton(messages.NEXT_CARD)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(focus_row)
        layout.addWidget(self.header)
        layout.addWidget(self.area)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback, 1)
        self.check_button.clicked.connect(self.check_answer)
        self.next_button.clicked.connect(lambda: self.show_card(self.index + 1))
        self.feedback.link_activated.connect(self._on_link)
        keys = {"Return": self._on_enter, "Enter": self._on_enter}
        keys |= {str(n): partial(self._on_number, n) for n in range(1, 10)}
        for key, slot in keys.items():
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        self.show_card(0)

    def show_card(self, index: int) -> None:
        self.index = index
        cards = self.session.cards
        if index >= len(cards):
            done = messages.DUE_REVIEW_DONE.format(count=self.done_count)
            self.header.setText(done if cards else nothing_due(self.session.focus, self.session.next_due))
            self.area.setVisible(False)
            self.check_button.setVisible(False)
            self.next_button.setVisible(False)
            return
        card = cards[index]
        self.header.setText(messages.DUE_CARD_HEADER.format(number=index + 1, total=len(cards),
                                                          lesson=html.escape(card.lesson.title)))
        widget = make_question_widget(card.question, lesson_folder=Path(card.lesson.folder))
        if self.question_widget is not None:
            self.area.removeWidget(self.question_widget)
            self.question_widget.deleteLater()
        self.question_widget = widget
        self.area.addWidget(widget)
        widget.sig_selection_changed.connect(lambda chosen: self.check_button.setEnabled(chosen))
        self.check_button.setEnabled(not widget.selection().is_empty())  # an ordering starts out answered
        self.next_button.setEnabled(False)
        self.feedback.clear()
        if widget.focusProxy() is not None:  # typed kinds: else the digits a student types go to the 1-9 keys
            widget.setFocus()
        self.shown_at = time.monotonic()

    def _choose_focus(self, focus: Focus) -> None:
        for each, button in self.focus_buttons.items():
            button.setChecked(each is focus)
        if focus is not self.session.focus:
            self.sig_focus.emit(str(focus))

    def check_answer(self) -> None:
        widget = self.question_widget
        if widget is None or widget.property("answered") or widget.selection().is_empty():
            return
        card = self.session.cards[self.index]
        response = widget.selection()
        elapsed = int((time.monotonic() - self.shown_at) * 1000)
        self.ops.write(self, partial(self.session.submit, card, response, elapsed),
                       on_done=partial(self._on_saved, response), changes=Change.ANSWERS,
                       disable=[widget, self.check_button])

    def _on_saved(self, response: Response, outcome: Outcome) -> None:
        self.done_count += 1
        if self.question_widget is not None:
            self.question_widget.show_answer(response, outcome)
        verdict = verdict_words(outcome)  # the quiz's and the attempt review's words
        card = self.session.cards[self.index]
        parts = [f"<p><b>{verdict}</b></p>", *(render_text(t) for t in outcome.feedback),
                 render_text(outcome.explanation),
                 f'<p><a href="{lesson_page_href(card.lesson.id, card.question.page)}">'
                 f"{messages.READ_PAGE}</a></p>"]
        self.feedback.setHtml("".join(parts))
        self.check_button.setEnabled(False)
        self.next_button.setEnabled(True)
        self.next_button.setFocus()

    def _on_enter(self) -> None:
        if self.check_button.isEnabled():
            self.check_answer()
        elif self.next_button.isEnabled():
            self.show_card(self.index + 1)

    def _on_number(self, number: int) -> None:
        if self.question_widget is not None:
            self.question_widget.press_number(number)

    def _on_link(self, href: str) -> None:
        target = lesson_page_target(href)
        if target is not None:
            self.sig_open_page.emit(*target)
