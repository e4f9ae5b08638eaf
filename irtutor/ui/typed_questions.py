"""Questions answered by typing: a number (with its unit), a short text.

Digits typed into the field reach it, not the quiz's 1-9 shortcuts: a focused QLineEdit claims
plain printable keys before shortcuts see them. Return is not claimed, so the view's Enter
shortcut checks the answer; the field itself must not also check on returnPressed.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from irtutor.core.describe import describe_correct
from irtutor.core.grading import Outcome
from irtutor.core.kinds.numeric import NumericKey
from irtutor.core.kinds.short_text import TextKey
from irtutor.core.questions import Response
from irtutor.core.verdicts import ANSWER, Verdict
from irtutor.qtkit.plain_text import plain_label
from irtutor.ui import messages
from irtutor.ui.question_base import QuestionWidget, verdict_colour

NUMBER_WIDTH_CHARS, TEXT_WIDTH_CHARS = 18, 36


def marked_style(colour: str) -> str:
    """A locked input in the verdict's colour; a thick border, so the mark is not in the text colour alone."""
    return f"color: {colour}; border: 2px solid {colour}; border-radius: 3px; padding: 1px 3px;"


def plain_text(html: str) -> str:
    return " ".join(QTextDocumentFragment.fromHtml(html).toPlainText().split())


class _TypedAnswerWidget(QuestionWidget):
    """A prompt, one line to type in (a unit after it if the key has one) and, once answered, the right answer."""

    placeholder = messages.TYPE_AN_ANSWER
    width_chars = TEXT_WIDTH_CHARS

    def build(self) -> None:
        unit = getattr(self.key, "unit", "")
        self.edit = QLineEdit()
        self.edit.setObjectName("typed-answer")
        self.edit.setPlaceholderText(self.placeholder)
        self.edit.setAccessibleName(plain_text(self.prompt.text()) or messages.ANSWER_FIELD)
        self.edit.setMaximumWidth(self.edit.fontMetrics().averageCharWidth() * self.width_chars)
        self.unit = plain_label(unit)
        self.unit.setVisible(bool(unit))
        self.unit.setBuddy(self.edit)
        self.mark = QLabel()
        self.tag_part(self.edit, ANSWER)
        self.right_answer = QLabel()
        self.right_answer.setObjectName("right-answer")
        self.right_answer.setWordWrap(True)
        self.right_answer.setVisible(False)
        self.setFocusProxy(self.edit)  # the view focuses a shown question that has an input to type in
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.unit)
        row.addWidget(self.mark)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.prompt)
        box.addLayout(row)
        box.addWidget(self.right_answer)
        self.edit.textChanged.connect(lambda _text: self.emit_changed())

    def selection(self) -> Response:
        return Response(text=self.edit.text())

    def set_response(self, response: Response) -> None:
        self.edit.setText(response.text)

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        self.edit.setText(response.text)
        self.edit.setReadOnly(True)
        part = outcome.part(ANSWER)
        mark = self.show_verdict(self.edit, part)
        colour = verdict_colour(part.verdict if part else Verdict.WRONG, self.palette())
        self.edit.setStyleSheet(marked_style(colour))
        self.mark.setText(mark)
        self.mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
        if not outcome.correct:
            self.right_answer.setText(messages.THE_RIGHT_ANSWER.format(answer=describe_correct(self.question)))
            self.right_answer.setVisible(True)
        self.edit.setAccessibleDescription(self.right_answer.text() if not outcome.correct else messages.CORRECT)
        self.mark_answered()


class NumericQuestionWidget(_TypedAnswerWidget):
    placeholder = messages.TYPE_A_NUMBER
    width_chars = NUMBER_WIDTH_CHARS

    key_type = NumericKey


class ShortTextQuestionWidget(_TypedAnswerWidget):
    """Case, accents and spaces do not matter (the grading forgives them), so nothing here checks them."""

    key_type = TextKey
