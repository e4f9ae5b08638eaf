"""The quiz tab's start page (modes and past attempts) and its review page."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from irtutor.core.lesson import Lesson
from irtutor.core.practice_focus import Focus, QuestionRecord, difficult, focused
from irtutor.core.quiz_settings import QuizMode
from irtutor.services.attempt_history import AttemptReview
from irtutor.ui import messages
from irtutor.ui.attempt_review import TOGGLE, review_html, verdict_of
from irtutor.ui.local_time import local_clock
from irtutor.ui.quiz_navigator import QuizNavigator
from irtutor.ui.safe_browser import SafeTextBrowser


class QuizStartPage(QWidget):
    sig_start = Signal(object)
    """The student chose a mode; the argument is the QuizMode."""

    sig_review = Signal(object)
    """The student asked to review a finished attempt; the argument is its AttemptReview."""

    def __init__(self, modes: tuple[QuizMode, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.focus_choice = QComboBox()
        self.focus_choice.setObjectName("practice-focus")
        for focus in Focus:
            self.focus_choice.addItem(messages.FOCUS_CHOICES[focus].format(count="…"), str(focus))
        focus_label = QLabel(messages.FOCUS_LABEL)
        focus_label.setBuddy(self.focus_choice)
        self.difficult_label = QLabel(messages.DIFFICULT_HEADER)
        self.difficult_list = QListWidget()
        self.difficult_list.setObjectName("difficult-questions")
        self.difficult_list.setAccessibleName("Questions you find difficult")
        self.difficult_list.setMaximumHeight(self.difficult_list.fontMetrics().height() * 7)
        for widget in (self.difficult_label, self.difficult_list):
            widget.setVisible(False)
        intro = QLabel(messages.START_INTRO)
        intro.setWordWrap(True)
        self.practice_button = QPushButton(messages.PRACTICE_BUTTON)
        self.test_button = QPushButton(messages.TEST_BUTTON)
        self.history_label = QLabel()
        self.history = QListWidget()
        self.history.setAccessibleName("Finished attempts")
        buttons = QHBoxLayout()
        buttons.addWidget(self.practice_button)
        buttons.addWidget(focus_label)
        buttons.addWidget(self.focus_choice)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.difficult_label)
        layout.addWidget(self.difficult_list)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        # Only once they have a parent: a widget shown before that is a window of its own.
        for widget in (self.practice_button, focus_label, self.focus_choice):
            widget.setVisible(QuizMode.PRACTICE in modes)
        self.test_button.setVisible(QuizMode.TEST in modes)
        self.practice_button.clicked.connect(lambda: self.sig_start.emit(QuizMode.PRACTICE))
        self.test_button.clicked.connect(lambda: self.sig_start.emit(QuizMode.TEST))
        self.history.itemActivated.connect(lambda item: self.sig_review.emit(item.data(Qt.ItemDataRole.UserRole)))

    def focus(self) -> Focus:
        """What the practice attempt aims at, as chosen beside its button."""
        return Focus(self.focus_choice.currentData() or Focus.ALL)

    def show_records(self, lesson: Lesson, records: Mapping[str, QuestionRecord]) -> None:
        """Counts beside each focus (a focus with nothing to ask is greyed out) and the difficult list."""
        ids = tuple(q.id for q in lesson.questions)
        model = self.focus_choice.model()
        for row, focus in enumerate(Focus):
            count = len(focused(focus, ids, records)) if focus is not Focus.UNSEEN_FIRST else \
                sum(1 for q in ids if q not in records)
            self.focus_choice.setItemText(row, messages.FOCUS_CHOICES[focus].format(count=count))
            item = model.item(row)  # type: ignore[attr-defined]
            item.setEnabled(not (focus.is_subset and count == 0))
        if not model.item(self.focus_choice.currentIndex()).isEnabled():  # type: ignore[attr-defined]
            self.focus_choice.setCurrentIndex(0)
        hard = difficult(records, ids)
        self.difficult_list.clear()
        prompts = {q.id: q.prompt for q in lesson.questions}
        for record in hard:
            self.difficult_list.addItem(messages.DIFFICULT_ROW.format(
                percent=round(record.mean_score * 100), answers=record.answers,
                prompt=" ".join(prompts[record.question_id].split())))
        for widget in (self.difficult_label, self.difficult_list):
            widget.setVisible(bool(hard))

    def show_history(self, reviews: list[AttemptReview]) -> None:
        self.history.clear()
        for review in reviews:
            when = local_clock(review.finished_at)
            item = QListWidgetItem(messages.HISTORY_ROW.format(
                when=when, mode=review.mode.value.capitalize(), score=round(review.score, 2), total=review.total))
            item.setData(Qt.ItemDataRole.UserRole, review)
            self.history.addItem(item)
        self.history_label.setText(messages.HISTORY_HEADER if reviews else messages.NO_HISTORY)
        self.history.setVisible(bool(reviews))


class AttemptReviewPage(QWidget):
    sig_back = Signal()
    """The student left the review."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: AttemptReview | None = None
        self.opened: set[int] = set()
        """The questions (numbered from 1) showing their parts."""
        self.navigator = QuizNavigator()
        self.text = SafeTextBrowser()
        self.text.setObjectName("attempt-review")
        self.text.setAccessibleName("Attempt review")
        self.open_all_button = QPushButton(messages.OPEN_ALL)
        self.back_button = QPushButton(messages.BACK_TO_START)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.open_all_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.navigator)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.sig_back.emit)
        self.open_all_button.clicked.connect(self.toggle_all)
        self.navigator.sig_go.connect(lambda position: self.open_question(position + 1))
        self.text.link_activated.connect(self._on_link)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "review"):
            self._render()  # the verdict colours follow the theme

    def show_review(self, review: AttemptReview) -> None:
        self.review, self.opened = review, set()
        self.navigator.show_states([verdict_of(item.answer.outcome if item.answer else None) for item in review.items])
        self._render()

    def open_question(self, number: int) -> None:
        """Open question `number` (from 1) and scroll to it."""
        self.opened.add(number)
        self._render()
        self.text.scrollToAnchor(f"q{number}")

    def toggle_all(self) -> None:
        count = len(self.review.items) if self.review else 0
        self.opened = set() if len(self.opened) == count else set(range(1, count + 1))
        self._render()

    def _on_link(self, href: str) -> None:
        if href.startswith(TOGGLE):
            number = int(href.removeprefix(TOGGLE))
            self.opened ^= {number}
            self._render()
            self.text.scrollToAnchor(f"q{number}")

    def _render(self) -> None:
        if self.review is None:
            return
        bar = self.text.verticalScrollBar().value()
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128  # the text box learns later
        self.text.setHtml(review_html(self.review, frozenset(self.opened), dark=dark))
        self.text.verticalScrollBar().setValue(bar)
        everything = len(self.opened) == len(self.review.items)
        self.open_all_button.setText(messages.CLOSE_ALL if everything else messages.OPEN_ALL)
