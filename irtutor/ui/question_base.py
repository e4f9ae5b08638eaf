"""What every question widget is, whatever its kind; the quiz and review views use only this."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from irtutor.content.safe_markdown import render_text
from irtutor.core.grading import Outcome
from irtutor.core.questions import Question, Response
from irtutor.core.quiz_settings import AttemptLayout
from irtutor.core.shuffling import display_order

RIGHT_COLOUR = "#1b7a3a"
WRONG_COLOUR = "#b00020"


class QuestionWidget(QWidget):
    """One question of one kind. Subclasses build their inputs under `prompt` and implement
    `selection`, `set_response` and `show_answer`; `press_number` is for kinds with numbered options.
    """

    sig_selection_changed = Signal(bool)
    """The student changed their answer; True when it is not empty, so it can be checked."""

    def __init__(self, question: Question, layout: AttemptLayout | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.attempt_layout = layout
        self.prompt = QLabel(render_text(question.prompt))
        self.prompt.setObjectName("question-prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def arranged(self, ids: tuple[str, ...], *, always: bool = False, key: str = "") -> tuple[str, ...]:
        """`ids` in this attempt's order for this question (or for `key` within it, e.g. one cloze gap).

        `always` is for kinds whose order in the lesson file would give the answer away: they are
        shuffled even outside an attempt (the review queue), then by the question's id alone.
        """
        key = key or self.question.id
        if self.attempt_layout is None:
            return display_order(ids, key) if always else ids
        return self.attempt_layout.arrange(key, ids, always=always)

    def emit_changed(self) -> None:
        self.sig_selection_changed.emit(not self.selection().is_empty())

    def selection(self) -> Response:
        raise NotImplementedError

    def set_response(self, response: Response) -> None:
        """Show a saved answer that may still be changed (test mode before submitting)."""
        raise NotImplementedError

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        """Lock the question showing `response`, marked right and wrong; sets property "answered"."""
        raise NotImplementedError

    def press_number(self, number: int) -> None:
        """Keys 1-9 pick option `number` in kinds that have numbered options; nothing in the others."""

    def mark_answered(self) -> None:
        self.setProperty("answered", True)
