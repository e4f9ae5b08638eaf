"""Forms for the typed kinds: numeric, short_text and cloze."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from irtutor.core.questions import QuestionKind
from irtutor.ui.studio.forms_base import QuestionForm
from irtutor.ui.studio.forms_rows import Column, RowList, number_or_text, shown

DEFAULT = "(default)"
TYPOS = (DEFAULT, "auto", "0", "1", "2")
TYPOS_LABEL = "Typos forgiven"
ANSWER_COLUMNS = (Column("text", "label", "Accepted answer (* for any other)", stretch=4),
                  Column("credit", "number", "Credit 0-1", stretch=1),
                  Column("feedback", placeholder="Feedback when given (optional)", own_line=True))
NUMBER_FORMS = ("roman", "ordinal")
CLOZE_HINT = "{{1949}} typed; {{USSR;Soviet Union}} either; {{twelve|twenty|eight}} a choice, first is right"


def typos_value(combo: QComboBox) -> Any:
    """The `typos` setting as quiz.yaml writes it: "auto", a whole number, or None when left out."""
    text = combo.currentText()
    return None if text == DEFAULT else text if text == "auto" else int(text)


def put_number(out: dict[str, Any], key: str, edit: QLineEdit, *, required: bool = False) -> None:
    if edit.text().strip() or required:
        out[key] = number_or_text(edit.text())


class NumericForm(QuestionForm):
    """numeric: the right number, how far off still counts, and its unit."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = (QuestionKind.NUMERIC,)
    own_keys = ("answer", "tolerance", "tolerance_percent", "unit")

    def build_kind(self) -> None:
        self.answer_edit = self._line("answer", "The right number, e.g. 1949 or 3.5")
        self.tolerance_edit = self._line("tolerance", "Optional: accepted distance either way")
        self.percent_edit = self._line("tolerance_percent", "Optional, instead: accepted distance in percent",
                                       label="Tolerance %")
        self.unit_edit = self._line("unit", "Optional, e.g. members, km, %")

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        self.answer_edit.setText(shown(mapping.get("answer")))
        self.tolerance_edit.setText(shown(mapping.get("tolerance")))
        self.percent_edit.setText(shown(mapping.get("tolerance_percent")))
        self.unit_edit.setText(mapping.get("unit", ""))

    def kind_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        put_number(out, "answer", self.answer_edit, required=True)
        put_number(out, "tolerance", self.tolerance_edit)
        put_number(out, "tolerance_percent", self.percent_edit)
        if self.unit_edit.text().strip():
            out["unit"] = self.unit_edit.text().strip()
        return out


class ShortTextForm(QuestionForm):
    """short_text: the accepted answers (each with a credit and feedback) and how strictly they match."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = (QuestionKind.SHORT_TEXT,)
    own_keys = ("answers", "case_sensitive", "accent_sensitive", "typos", "forms")

    def build_kind(self) -> None:
        self.answers = self._rows("answers", RowList(ANSWER_COLUMNS, "answer", blank=""))
        self.case_box = self._flag("case_sensitive", "\"Nato\" is not \"NATO\"", label="Case counts")
        self.accent_box = self._flag("accent_sensitive", "\"Zurich\" is not \"Zürich\"", label="Accents count")
        self.typos_combo = self._combo("typos", TYPOS, editable=False, label=TYPOS_LABEL)
        self.forms_order: list[str] = []
        self.roman_box = self._flag("forms", "roman (\"Article V\")", label="Number forms")
        self.ordinal_box = QCheckBox("ordinal (\"fifth\", \"5th\")")
        self.ordinal_box.toggled.connect(self._combo_changed)
        self.layout_.addRow("", self.ordinal_box)

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        self.answers.set_values(list(mapping.get("answers", [])))
        self.case_box.setChecked(bool(mapping.get("case_sensitive")))
        self.accent_box.setChecked(bool(mapping.get("accent_sensitive")))
        self.typos_combo.setCurrentText(shown(mapping.get("typos", DEFAULT)))
        forms = mapping.get("forms", [])
        self.roman_box.setChecked("roman" in forms)
        self.ordinal_box.setChecked("ordinal" in forms)
        self.forms_order = list(forms)

    def kind_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"answers": self.answers.values()}
        for key, box in (("case_sensitive", self.case_box), ("accent_sensitive", self.accent_box)):
            if box.isChecked() or self.had(key):
                out[key] = box.isChecked()
        if (typos := typos_value(self.typos_combo)) is not None:
            out["typos"] = typos
        chosen = {"roman": self.roman_box.isChecked(), "ordinal": self.ordinal_box.isChecked()}
        forms = [f for f in self.forms_order if chosen[f]] + [
            f for f in NUMBER_FORMS if chosen[f] and f not in self.forms_order]
        if forms or self.had("forms"):
            out["forms"] = forms
        return out


class ClozeForm(QuestionForm):
    """cloze: the text with its gaps in double braces."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = (QuestionKind.CLOZE,)
    own_keys = ("text", "typos")

    def build_kind(self) -> None:
        self.text_edit = self._text("text", 8, label="Text with gaps")
        self.text_edit.setPlaceholderText(CLOZE_HINT)
        self.text_edit.setToolTip(CLOZE_HINT)
        self.typos_combo = self._combo("typos", TYPOS, editable=False, label=TYPOS_LABEL)

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        self.text_edit.setPlainText(mapping.get("text", ""))
        self.typos_combo.setCurrentText(shown(mapping.get("typos", DEFAULT)))

    def kind_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text_edit.toPlainText()}
        if (typos := typos_value(self.typos_combo)) is not None:
            out["typos"] = typos
        return out
