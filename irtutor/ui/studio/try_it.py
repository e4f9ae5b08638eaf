"""Try it: the question as students will get it, answered by the author and graded by the real grader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from irtutor.core.grading import Outcome, grade
from irtutor.core.kind_registry import rules_for
from irtutor.core.numbers import format_number
from irtutor.core.questions import Question
from irtutor.ui.question_base import VERDICT_MARK, VERDICT_SPOKEN, QuestionWidget
from irtutor.ui.question_factory import make_question_widget

TITLE = "Try it"
CHECK, RIGHT_ANSWER, AGAIN = "Check my answer", "Fill the right answer", "Try again"
NOTHING = "Fix the problems in the form to try this question."
SCORE = "Score: {score}%"
PART_LINE = "{mark} {part}: {verdict}{detail}"


def outcome_lines(outcome: Outcome) -> list[str]:
    """The score, each part's verdict with its own words, and the feedback lines, as the author reads them."""
    lines = [SCORE.format(score=format_number(round(outcome.score * 100, 1)))]
    for part in outcome.parts:
        said = part.feedback and not any(part.feedback in line for line in outcome.feedback)  # not twice
        detail = "; ".join(x for x in (said and part.feedback, part.right and f"right: {part.right}") if x)
        lines.append(PART_LINE.format(mark=VERDICT_MARK[part.verdict], part=part.part,
                                      verdict=VERDICT_SPOKEN[part.verdict], detail=f" ({detail})" if detail else ""))
    lines.extend(outcome.feedback)
    return lines


class TryItPane(QWidget):
    """Shows the real student widget for the current question; Check grades what the author gave."""

    sig_graded = Signal(object)
    """The author's answer was graded; carries the core Outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: Question | None = None
        self.lesson_folder: Path | None = None
        """The lesson whose media/ folder the prompt's images come from (set by the studio)."""
        self.widget: QuestionWidget | None = None
        self.outcome: Outcome | None = None
        self.title = QLabel(f"<b>{TITLE}</b>")
        self.holder = QVBoxLayout()
        self.empty = QLabel(NOTHING)
        self.empty.setWordWrap(True)
        self.holder.addWidget(self.empty)
        self.check_button, self.right_button, self.again_button = (QPushButton(CHECK), QPushButton(RIGHT_ANSWER),
                                                                   QPushButton(AGAIN))
        buttons = QHBoxLayout()
        for button in (self.check_button, self.right_button, self.again_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.result = QLabel()
        self.result.setObjectName("try-result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addLayout(self.holder)
        column.addLayout(buttons)
        column.addWidget(self.result)
        column.addStretch(1)  # the question keeps its natural height; the buttons stay right under it
        self.check_button.clicked.connect(self.check)
        self.right_button.clicked.connect(self.fill_right_answer)
        self.again_button.clicked.connect(self.try_again)
        self._enable()

    def set_question(self, question: Question | None) -> None:
        """Show `question` afresh (None: the form has problems); the same question again changes nothing."""
        if question == self.question and (question is None or self.widget is not None):
            return
        self.question = question
        self.try_again()

    def try_again(self) -> None:
        if self.widget is not None:
            self.holder.removeWidget(self.widget)
            self.widget.hide()  # at once: deleteLater waits for the event loop, and it would show till then
            self.widget.deleteLater()
            self.widget = None
        self.outcome = None
        self.result.clear()
        self.empty.setVisible(self.question is None)
        if self.question is not None:
            self.widget = make_question_widget(self.question, None, self, lesson_folder=self.lesson_folder)
            self.holder.addWidget(self.widget)
            self.widget.show()  # a child added to a shown window stays hidden until told
        self._enable()

    def check(self) -> Outcome | None:
        """Grade the answer in the widget with the real grader and show the verdicts."""
        if self.widget is None or self.question is None:
            return None
        response = self.widget.selection()
        self.outcome = grade(self.question, response)
        self.widget.show_answer(response, self.outcome)
        self.result.setText("\n".join(outcome_lines(self.outcome)))
        self._enable()
        self.sig_graded.emit(self.outcome)
        return self.outcome

    def fill_right_answer(self) -> Outcome | None:
        """Put the kind's fully right response into a fresh widget and grade it: what earns full marks."""
        if self.question is None:
            return None
        self.try_again()
        assert self.widget is not None
        self.widget.set_response(rules_for(self.question.kind).right_response(self.question))
        return self.check()

    def _enable(self) -> None:
        ready = self.widget is not None
        self.check_button.setEnabled(ready and self.outcome is None)
        self.right_button.setEnabled(ready)
        self.again_button.setEnabled(ready and self.outcome is not None)
