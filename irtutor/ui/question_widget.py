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
    QWidget,
)

from irtutor.core.grading import Outcome
from irtutor.core.questions import Option, Question, QuestionKind, Response
from irtutor.core.quiz_settings import AttemptLayout
from irtutor.ui.question_base import RIGHT_COLOUR, WRONG_COLOUR, QuestionWidget


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
    def __init__(self, question: Question, layout: AttemptLayout | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(question, layout, parent)
        order = self.arranged(tuple(o.id for o in question.options))
        self.shown_options = tuple(o for oid in order for o in question.options if o.id == oid)
        multiple = question.kind is QuestionKind.MULTIPLE_CHOICE
        self.group = QButtonGroup(self)
        self.group.setExclusive(not multiple)
        self.buttons: dict[str, QAbstractButton] = {}
        self.labels: dict[str, _WrappingLabel] = {}
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
        self.group.addButton(button)
        self.buttons[option.id] = button
        self.labels[option.id] = label
        row = QHBoxLayout()
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(label, 1)
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

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        for option in self.question.options:
            button = self.buttons[option.id]
            button.setChecked(option.id in response.selected)
            button.setEnabled(False)
            chosen = option.id in response.selected
            mark, colour = ("✓ ", RIGHT_COLOUR) if option.correct else ("✗ ", WRONG_COLOUR) if chosen else ("", "")
            self.labels[option.id].setText(mark + option.text)
            self.labels[option.id].setStyleSheet(f"color: {colour}" if colour else "")
        self.mark_answered()
