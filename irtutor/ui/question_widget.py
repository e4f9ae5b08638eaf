"""One choice question (single, multiple, true/false): pick with mouse or keys 1-9."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from irtutor.core.grading import Outcome
from irtutor.core.kinds.choice import ChoiceKey, Option
from irtutor.core.questions import QuestionKind, Response
from irtutor.qtkit.plain_text import plain_label
from irtutor.ui.question_base import VERDICT_SPOKEN, QuestionWidget, verdict_colour

MISSED_WORDS = " (right, not chosen)"


class _WrappingLabel(QLabel):
    """Option text that wraps, and toggles its button when clicked like the button's own text."""

    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.button.isEnabled():
            self.button.click()
        event.accept()


class ChoiceQuestionWidget(QuestionWidget):
    key_type = ChoiceKey
    shows_part_feedback = True

    def build(self) -> None:
        question = self.question
        order = self.arranged(tuple(o.id for o in question.options))
        self.shown_options = tuple(o for oid in order for o in question.options if o.id == oid)
        multiple = question.kind is QuestionKind.MULTIPLE_CHOICE
        self.group = QButtonGroup(self)
        self.group.setExclusive(not multiple)
        self.buttons: dict[str, QAbstractButton] = {}
        self.labels: dict[str, _WrappingLabel] = {}
        self.option_feedback: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        if multiple:
            layout.addWidget(QLabel("<i>Choose every answer that applies.</i>"))
        for number, option in enumerate(self.shown_options, start=1):
            layout.addLayout(self._option_row(number, option, multiple))
        self.group.buttonToggled.connect(lambda *_: self.emit_changed())

    def _option_row(self, number: int, option: Option, multiple: bool) -> QHBoxLayout:
        button: QAbstractButton = QCheckBox(f"{number}.") if multiple else QRadioButton(f"{number}.")
        button.setAccessibleName(option.text)
        button.setObjectName(f"option-{option.id}")
        label = _WrappingLabel(option.text, button)
        self.tag_part(label, option.id)
        self.group.addButton(button)
        self.buttons[option.id] = button
        self.labels[option.id] = label
        feedback = plain_label()  # the option's own feedback, under it, once answered
        feedback.setObjectName(f"option-feedback-{option.id}")
        feedback.setWordWrap(True)
        feedback.setVisible(False)
        self.option_feedback[option.id] = feedback
        text = QVBoxLayout()
        text.addWidget(label)
        text.addWidget(feedback)
        text.addStretch(1)  # extra height goes below, so the text stays level with its button
        row = QHBoxLayout()
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        return row

    def selection(self) -> Response:
        return Response(frozenset(oid for oid, b in self.buttons.items() if b.isChecked()))

    def press_number(self, number: int) -> None:
        """Keys 1-9: choose an option (toggle it, for multiple choice)."""
        options = self.shown_options
        if 1 <= number <= len(options):
            button = self.buttons[options[number - 1].id]
            if button.isEnabled():
                button.click()
                button.setFocus()

    def set_response(self, response: Response) -> None:
        for option_id, button in self.buttons.items():
            button.setChecked(option_id in response.selected)

    def show_try(self, response: Response, outcome: Outcome) -> None:
        """As `show_answer`: the trying outcome has no "missed" parts, so only chosen options are marked."""
        self.show_answer(response, outcome)

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        """Each option as the core judged it: ticked right, crossed wrong, "missed" for a right option
        left unticked (never the tick a chosen one gets), and its own feedback beneath it."""
        for option in self.question.options:
            button, label = self.buttons[option.id], self.labels[option.id]
            button.setChecked(option.id in response.selected)
            button.setEnabled(False)
            part = outcome.part(option.id)
            mark = self.show_verdict(label, part)
            if part is None:
                label.setText(option.text)
                label.setStyleSheet("")
                continue
            words = MISSED_WORDS if part.verdict == "missed" else ""
            label.setText(f"{mark} {option.text}{words}")
            label.setStyleSheet(f"color: {verdict_colour(part.verdict, self.palette())}")
            button.setAccessibleDescription(VERDICT_SPOKEN[part.verdict])
            if part.feedback and option.id in response.selected:
                self.option_feedback[option.id].setText(part.feedback)
                self.option_feedback[option.id].setVisible(True)
        self.mark_answered()
