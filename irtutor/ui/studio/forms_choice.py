"""Forms for the choice kinds: single_choice, multiple_choice (options with weights) and true_false."""

from __future__ import annotations

from typing import Any, ClassVar

from irtutor.core.questions import QuestionKind
from irtutor.ui.studio.forms_base import QuestionForm
from irtutor.ui.studio.forms_rows import Column, RowList

OPTION_COLUMNS = (Column("text", placeholder="Option text", stretch=4), Column("correct", "flag", "Right"),
                  Column("feedback", placeholder="Feedback when picked (optional)", own_line=True))
WEIGHTED_COLUMNS = (*OPTION_COLUMNS[:2], Column("weight", "number", "Weight %", stretch=1), OPTION_COLUMNS[2])
TRUE, FALSE = "true", "false"


class ChoiceForm(QuestionForm):
    """single_choice and multiple_choice: the options, each right or not, with its own feedback."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)
    own_keys = ("options",)

    def build_kind(self) -> None:
        weighted = self.kind is QuestionKind.MULTIPLE_CHOICE
        self.options = self._rows("options", RowList(WEIGHTED_COLUMNS if weighted else OPTION_COLUMNS,
                                                     "option", blank={}))

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        self.options.set_values(list(mapping.get("options", [])))

    def kind_fields(self) -> dict[str, Any]:
        return {"options": self.options.values()}


class TrueFalseForm(QuestionForm):
    """true_false: which answer is right, and what each answer is told."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = (QuestionKind.TRUE_FALSE,)
    own_keys = ("answer", "feedback_true", "feedback_false")

    def build_kind(self) -> None:
        self.answer_combo = self._combo("answer", (TRUE, FALSE), editable=False, label="Right answer")
        self.feedback_true = self._line("feedback_true", "Shown to students who answer true")
        self.feedback_false = self._line("feedback_false", "Shown to students who answer false")

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        self.answer_combo.setCurrentText(FALSE if mapping.get("answer") is False else TRUE)
        self.feedback_true.setText(mapping.get("feedback_true", ""))
        self.feedback_false.setText(mapping.get("feedback_false", ""))

    def kind_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"answer": self.answer_combo.currentText() == TRUE}
        for key, edit in (("feedback_true", self.feedback_true), ("feedback_false", self.feedback_false)):
            if edit.text():
                out[key] = edit.text()
        return out
