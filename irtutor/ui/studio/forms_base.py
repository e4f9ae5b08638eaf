"""What every question form shares: the common fields, checking as the author types, and the mapping.

A form edits one question as the plain mapping quiz.yaml holds. Reading it back gives the same
mapping, key order included: keys the form has no input for (`facts`) are kept as they came, and an
optional field left empty is left out. About 200 ms after the last edit the form checks its mapping
exactly as `irtutor check` would (schema, then the kind's own rules) and marks the fields at fault.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from irtutor.content.located_yaml import LocatedYaml, YamlPath, load_located_yaml
from irtutor.content.quiz_loader import load_questions
from irtutor.content.schema_check import schema_problems
from irtutor.core.problems import LessonError, Problem
from irtutor.core.questions import Question, QuestionKind
from irtutor.ui.studio.forms_rows import BAD_FIELD, RowList

CHECK_DELAY_MS = 200
FORM_PATH = "<question form>"  # no such file: a cloze gap problem must not look one up in the current folder
COMMON_KEYS = ("id", "kind", "prompt", "explanation", "page", "source", "topic", "difficulty")
DIFFICULTIES = ("", "easy", "medium", "hard")
NO_PROBLEMS = "No problems: this question is ready."
PROBLEM_LINE = "• {field}: {message}"
KEPT = "Kept as written in quiz.yaml (not edited here): {keys}"
LABELS = {"id": "Id", "prompt": "Prompt", "explanation": "Explanation", "page": "Page", "source": "Source",
          "topic": "Topic", "difficulty": "Difficulty"}


@dataclass
class Checked:
    """One question's mapping as `irtutor check` sees it: the Question when it loads, else why not."""

    question: Question | None
    problems: list[Problem]
    fields: list[tuple[YamlPath, str]] = field(default_factory=list)
    """Each problem's place under the question (e.g. ("options", 1, "weight")) and its message."""


def check_mapping(mapping: dict[str, Any], pages: set[str], sources: set[str]) -> Checked:
    """Check one question as if it were the only one in quiz.yaml."""
    text = yaml.safe_dump({"questions": [mapping]}, sort_keys=False, allow_unicode=True)
    try:
        quiz = load_located_yaml(text, FORM_PATH)
    except LessonError as error:
        return Checked(None, [error.problem], [((), error.problem.message)])
    problems = schema_problems(quiz, "quiz")
    question = None
    if not problems:
        questions, problems = load_questions(quiz, pages, sources)
        question = questions[0] if not problems else None
    return Checked(question, problems, [(_place(quiz, p), p.message) for p in problems])


def _place(quiz: LocatedYaml, problem: Problem) -> YamlPath:
    """The deepest path written at the problem's line and column, under ("questions", 0)."""
    spot = (problem.line, problem.column)
    found = [at for table in (quiz.values, quiz.keys) for at, where in table.items() if where == spot]
    found = found or [at for at, where in quiz.values.items() if where[0] == problem.line]
    best = max(found, key=len, default=())
    return best[2:] if best[:2] == ("questions", 0) else ()


class QuestionForm(QWidget):
    """The common fields of a question; each kind's subclass adds its own in `build_kind`."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = ()
    own_keys: ClassVar[tuple[str, ...]] = ()
    """The keys after `prompt` this kind's inputs edit, in quiz.yaml's usual order."""

    sig_changed = Signal()
    """The author changed a field (emitted at once, before checking)."""
    sig_checked = Signal(object)
    """A check finished; carries the Checked result (its `question` is None while problems remain)."""

    def __init__(self, kind: QuestionKind, pages: tuple[str, ...] = (), sources: tuple[str, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.pages, self.sources = kind, pages, sources
        self.order: list[str] = []
        self.kept: dict[str, Any] = {}
        self.checked = Checked(None, [])
        self.history: list[dict[str, Any]] = []
        self.undone: list[dict[str, Any]] = []
        """Mappings taken back by undo, newest last, for redo; a new edit forgets them."""
        self.timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._build()
        self.timer.timeout.connect(self.check_now)
        self.sig_changed.connect(self.timer.start)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for keys in (QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")):
            QShortcut(QKeySequence(keys), self, self.redo, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- building -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, QWidget] = {}
        self.id_edit = self._line("id", "lower-case-words-with-hyphens")
        self.kind_label = QLabel(str(self.kind))
        self.kind_label.setObjectName("form-kind")
        self.layout_.addRow("Kind", self.kind_label)
        self.prompt_edit = self._text("prompt", 3)
        self.build_kind()
        self.explanation_edit = self._text("explanation", 4)
        self.page_combo = self._combo("page", self.pages)
        self.source_combo = self._combo("source", ("", *self.sources))
        self.topic_edit = self._line("topic", "e.g. enlargement")
        self.difficulty_combo = self._combo("difficulty", DIFFICULTIES, editable=False)
        self.kept_label = QLabel()
        self.kept_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("form-problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout(self)
        column.addLayout(self.layout_)
        column.addWidget(self.kept_label)
        column.addWidget(self.problems_label)
        column.addStretch(1)

    def build_kind(self) -> None:
        """Add this kind's inputs to `layout_` and `inputs` (between the prompt and the explanation)."""

    def _line(self, key: str, placeholder: str = "", label: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self.sig_changed)
        return self._add(key, edit, label)

    def _text(self, key: str, lines: int, label: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap instead
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.textChanged.connect(self._text_changed)
        return self._add(key, edit, label)

    def _combo(self, key: str, choices: tuple[str, ...], *, editable: bool = True, label: str = "") -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        combo.addItems(list(choices))
        combo.currentTextChanged.connect(self._combo_changed)
        return self._add(key, combo, label)

    def _flag(self, key: str, text: str, label: str = "") -> QCheckBox:
        box = QCheckBox(text)
        box.toggled.connect(self._combo_changed)
        return self._add(key, box, label)

    def _rows(self, key: str, rows: RowList, label: str = "") -> RowList:
        rows.sig_changed.connect(self.sig_changed)
        return self._add(key, rows, label)

    def _add(self, key: str, widget: Any, label: str = "") -> Any:
        widget.setObjectName(f"field-{key}")
        self.inputs[key] = widget
        self.layout_.addRow(label or LABELS.get(key, key.replace("_", " ").capitalize()), widget)
        return widget

    def _text_changed(self) -> None:
        if not self._loading:
            self.sig_changed.emit()

    def _combo_changed(self) -> None:
        if not self._loading:
            self.sig_changed.emit()

    _loading = False

    # -- the mapping ----------------------------------------------------------------------------------------

    def set_mapping(self, mapping: dict[str, Any]) -> None:
        """Show `mapping` (one question as quiz.yaml holds it); check it at once."""
        self._loading = True
        try:
            self.order = list(mapping)
            known = {*COMMON_KEYS, *self.own_keys}
            self.kept = {k: v for k, v in mapping.items() if k not in known}
            self.id_edit.setText(str(mapping.get("id", "")))
            self.prompt_edit.setPlainText(mapping.get("prompt", ""))
            self.explanation_edit.setPlainText(mapping.get("explanation", ""))
            _set_combo(self.page_combo, mapping.get("page", ""))
            _set_combo(self.source_combo, mapping.get("source", ""))
            self.topic_edit.setText(mapping.get("topic", ""))
            _set_combo(self.difficulty_combo, mapping.get("difficulty", ""))
            self.set_kind_fields(mapping)
            self.original = dict(mapping)
        finally:
            self._loading = False
        self.kept_label.setText(KEPT.format(keys=", ".join(self.kept)) if self.kept else "")
        self.kept_label.setVisible(bool(self.kept))
        self.history = [self.mapping()]
        self.undone = []
        self.check_now()

    def mapping(self) -> dict[str, Any]:
        """The question as quiz.yaml would hold it, keys in the order they came (new keys after)."""
        out: dict[str, Any] = {"id": self.id_edit.text().strip(), "kind": str(self.kind),
                               "prompt": self.prompt_edit.toPlainText()}
        out.update(self.kind_fields())
        out["explanation"] = self.explanation_edit.toPlainText()
        out["page"] = self.page_combo.currentText().strip()
        for key, value in (("source", self.source_combo.currentText().strip()), ("topic", self.topic_edit.text()),
                           ("difficulty", self.difficulty_combo.currentText())):
            if value:
                out[key] = value
        out.update(self.kept)
        rank = {key: i for i, key in enumerate(self.order)}
        return dict(sorted(out.items(), key=lambda item: rank.get(item[0], len(rank))))

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        """Show this kind's own keys of `mapping`."""

    def kind_fields(self) -> dict[str, Any]:
        """This kind's own keys as quiz.yaml writes them, empty optional ones left out."""
        return {}

    def had(self, key: str) -> bool:
        """Whether the mapping last set had `key` (so a `false` or `0` stays written out)."""
        return key in getattr(self, "original", {})

    # -- checking -------------------------------------------------------------------------------------------

    def check_now(self) -> Checked:
        """Check the form's mapping now (the timer calls this ~200 ms after the last edit)."""
        self.timer.stop()
        mapping = self.mapping()
        if not self.history or self.history[-1] != mapping:
            self.history.append(mapping)
            if self.undone and self.undone[-1] != mapping:
                self.undone = []  # a new edit, not a redo: the undone ones are gone, as in any editor
        self.checked = check_mapping(mapping, set(self.pages), set(self.sources))
        self._show(self.checked)
        self.sig_checked.emit(self.checked)
        return self.checked

    def _show(self, checked: Checked) -> None:
        for widget in self.inputs.values():
            if isinstance(widget, RowList):
                widget.clear_marks()
            else:
                widget.setStyleSheet("")
                widget.setToolTip("")
        lines = []
        for at, message in checked.fields:
            key = str(at[0]) if at else ""
            self._mark(at, message)
            lines.append(PROBLEM_LINE.format(field=LABELS.get(key, key or "question"), message=message))
        self.problems_label.setText("\n".join(lines) if lines else NO_PROBLEMS)
        self.problems_label.setProperty("problems", bool(lines))
        self.problems_label.setStyleSheet("color: #b00020" if lines else "")

    def _mark(self, at: YamlPath, message: str) -> None:
        widget = self.inputs.get(str(at[0])) if at else None
        if isinstance(widget, RowList):
            widget.mark(at[1] if len(at) > 1 and isinstance(at[1], int) else None, message)
        elif widget is not None:
            widget.setStyleSheet(f"#{widget.objectName()} {{ {BAD_FIELD} }}")
            widget.setToolTip(message)

    def problem_fields(self) -> list[str]:
        """The top-level keys the last check found a problem at ("" for the question as a whole)."""
        return [str(at[0]) if at else "" for at, _ in self.checked.fields]

    def undo(self) -> None:
        """Ctrl+Z outside a text field: back to the mapping before the last checked edit."""
        if len(self.history) < 2:
            return
        stack, undone = self.history[:-1], [*self.undone, self.history[-1]]
        self.set_mapping(stack[-1])
        self.history, self.undone = stack, undone
        self.sig_changed.emit()

    def redo(self) -> None:
        """Ctrl+Shift+Z or Ctrl+Y outside a text field: forward to the mapping the last undo took back."""
        if not self.undone:
            return
        mapping, undone, history = self.undone[-1], self.undone[:-1], [*self.history, self.undone[-1]]
        self.set_mapping(mapping)  # which starts a fresh history: the kept one goes back after
        self.history, self.undone = history, undone
        self.sig_changed.emit()


def _set_combo(combo: QComboBox, value: Any) -> None:
    text = "" if value is None else str(value)
    if combo.findText(text) < 0:
        combo.addItem(text)
    combo.setCurrentIndex(combo.findText(text))
