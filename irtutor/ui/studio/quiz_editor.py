"""The quiz editor: the question list, the selected question's form, and its Try it pane.

Every edit goes to a QuizDocument (quiz.yaml as text, changed one question at a time) and ends
in one `sig_document_changed`. Ids are the author's: the editor makes one up only for a new or
duplicated question, and never rewrites one the author did not change.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from irtutor.core.questions import QuestionKind
from irtutor.ui.studio.forms_base import Checked, QuestionForm
from irtutor.ui.studio.question_forms import make_form
from irtutor.ui.studio.try_it import TryItPane

APPLY_DELAY_MS = 300
NEW_ID = "q-new-{n}"
COPY_ID = "{id}-copy{n}"
ALL_KINDS, ALL_TOPICS = "All kinds", "All topics"
ADD, DUPLICATE, DELETE, UNDO_DELETE, UP, DOWN = ("Add", "Duplicate", "Delete", "Undo delete", "Move up", "Move down")
ADD_TIP = "Add a question of the kind you choose, after the selected one"
ITEM_TEXT = "{id}  ·  {kind}\n{words}"
PROMPT_WORDS = 8
NEW_PROMPT = "New {kind} question"
NEW_EXPLANATION = "Why the answer is right."
NEW_FIELDS: dict[QuestionKind, dict[str, Any]] = {
    QuestionKind.SINGLE_CHOICE: {"options": [{"text": "Right option", "correct": True}, {"text": "Wrong option"}]},
    QuestionKind.MULTIPLE_CHOICE: {"options": [{"text": "Right option", "correct": True}, {"text": "Wrong option"}]},
    QuestionKind.TRUE_FALSE: {"answer": True},
    QuestionKind.NUMERIC: {"answer": 0},
    QuestionKind.SHORT_TEXT: {"answers": ["answer"]},
    QuestionKind.MATCHING: {"pairs": [{"left": "left 1", "right": "right 1"}, {"left": "left 2", "right": "right 2"}]},
    QuestionKind.ORDERING: {"items": ["first", "second"]},
    QuestionKind.CLOZE: {"text": "A text with a {{gap}}."},
    QuestionKind.MAP_SELECTION: {"countries": ["POL"]},
    QuestionKind.TIMELINE_PLACEMENT: {"events": [{"text": "first", "year": 1949}, {"text": "second", "year": 1955},
                                                 {"text": "third", "year": 1999}]},
}
"""A new question of each kind starts out valid, so Try it works from the first moment."""


class QuizDocumentLike(Protocol):
    """What the editor needs of a quiz document (irtutor.content.yaml_documents.QuizDocument)."""

    @property
    def text(self) -> str: ...

    def questions(self) -> list[dict[str, Any]]: ...

    def replace_question(self, index: int, mapping: dict[str, Any]) -> None: ...

    def insert_question(self, index: int, mapping: dict[str, Any]) -> None: ...

    def remove_question(self, index: int) -> None: ...

    def move_question(self, index: int, to: int) -> None: ...

    def duplicate_question(self, index: int, new_id: str) -> None: ...


def unique_id(pattern: str, taken: set[str], **fields: str) -> str:
    """The first of pattern(n=1), pattern(n=2), ... not in `taken` (COPY_ID leaves n=1 out)."""
    n = 1
    while True:
        candidate = pattern.format(n=n if n > 1 or "{id}" not in pattern else "", **fields)
        if candidate not in taken:
            return candidate
        n += 1


def item_text(mapping: dict[str, Any]) -> str:
    words = str(mapping.get("prompt", "")).split()
    shown = " ".join(words[:PROMPT_WORDS]) + (" …" if len(words) > PROMPT_WORDS else "")
    return ITEM_TEXT.format(id=mapping.get("id", "?"), kind=mapping.get("kind", "?"), words=shown)


class QuizEditor(QWidget):
    """The question list with add, duplicate, delete, reorder and filters; the form and Try it beside it."""

    sig_document_changed = Signal()
    """The document's text changed (a question was edited, added, removed or moved)."""

    def __init__(self, document: QuizDocumentLike, pages: tuple[str, ...] = (), sources: tuple[str, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.pages, self.sources = document, pages, sources
        self.form: QuestionForm | None = None
        self.current: int | None = None
        self.deleted: list[tuple[int, dict[str, Any]]] = []
        self.apply_timer = QTimer(self, singleShot=True, interval=APPLY_DELAY_MS)
        self._build()
        self._connect()
        self.refresh(0)

    # -- building -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind_filter, self.topic_filter = QComboBox(), QComboBox()
        self.kind_filter.addItems([ALL_KINDS, *[str(k) for k in QuestionKind]])
        self.list = QListWidget()
        self.list.setObjectName("question-list")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.add_button = QPushButton(ADD)
        self.add_button.setToolTip(ADD_TIP)
        self.add_menu = QMenu(self.add_button)
        for kind in QuestionKind:
            self.add_menu.addAction(str(kind), lambda k=kind: self.add_question(k))
        self.add_button.setMenu(self.add_menu)
        self.buttons = {name: QPushButton(name) for name in (DUPLICATE, DELETE, UNDO_DELETE, UP, DOWN)}
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.try_it = TryItPane()
        self._lay_out()

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.topic_filter)
        column.addLayout(filters)
        column.addWidget(self.list, 1)
        for names in ((DUPLICATE, DELETE), (UP, DOWN, UNDO_DELETE)):
            row = QHBoxLayout()
            if DELETE in names:
                row.addWidget(self.add_button)
            for name in names:
                row.addWidget(self.buttons[name])
            column.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (left, self.form_area, self.try_it):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([280, 620, 460])
        QVBoxLayout(self).addWidget(self.splitter)

    def _connect(self) -> None:
        self.list.currentRowChanged.connect(self._row_chosen)
        self.kind_filter.currentTextChanged.connect(self.apply_filters)
        self.topic_filter.currentTextChanged.connect(self.apply_filters)
        self.apply_timer.timeout.connect(self.apply_form)
        actions = {DUPLICATE: self.duplicate_question, DELETE: self.delete_question, UNDO_DELETE: self.undo_delete,
                   UP: lambda: self.move_question(-1), DOWN: lambda: self.move_question(1)}
        for name, action in actions.items():
            self.buttons[name].clicked.connect(action)
        keys = {"Alt+Up": lambda: self.move_question(-1), "Alt+Down": lambda: self.move_question(1),
                "Ctrl+D": self.duplicate_question, "Ctrl+Shift+Z": self.undo_delete}
        for key, action in keys.items():
            QShortcut(QKeySequence(key), self, action, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_question,
                  context=Qt.ShortcutContext.WidgetShortcut)

    # -- the list -------------------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Rebuild the list and the topic filter from the document; select question `select`."""
        questions = self.document.questions()
        self.list.blockSignals(True)
        self.list.clear()
        for index, mapping in enumerate(questions):
            item = QListWidgetItem(item_text(mapping))
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._refresh_topics(questions)
        self.apply_filters()
        self.buttons[UNDO_DELETE].setEnabled(bool(self.deleted))
        self.current = None
        if select is not None and 0 <= select < len(questions):
            self.list.setCurrentRow(select)
        else:
            self._show_form()

    def _refresh_topics(self, questions: list[dict[str, Any]]) -> None:
        chosen = self.topic_filter.currentText()
        topics = sorted({str(q["topic"]) for q in questions if q.get("topic")})
        self.topic_filter.blockSignals(True)
        self.topic_filter.clear()
        self.topic_filter.addItems([ALL_TOPICS, *topics])
        self.topic_filter.setCurrentText(chosen if chosen in topics else ALL_TOPICS)
        self.topic_filter.blockSignals(False)

    def apply_filters(self) -> None:
        """Hide the questions not of the chosen kind and topic."""
        kind, topic = self.kind_filter.currentText(), self.topic_filter.currentText()
        for index, mapping in enumerate(self.document.questions()):
            hidden = (kind != ALL_KINDS and mapping.get("kind") != kind) or (
                topic != ALL_TOPICS and mapping.get("topic") != topic)
            self.list.item(index).setHidden(hidden)

    def visible_ids(self) -> list[str]:
        questions = self.document.questions()
        return [questions[i]["id"] for i in range(self.list.count()) if not self.list.item(i).isHidden()]

    # -- operations -----------------------------------------------------------------------------------------

    def add_question(self, kind: QuestionKind) -> str:
        """A new, valid question of `kind` after the selected one (or at the end); returns its id."""
        self.apply_form()
        questions = self.document.questions()
        new_id = unique_id(NEW_ID, {str(q.get("id")) for q in questions})
        mapping = {"id": new_id, "kind": str(kind), "prompt": NEW_PROMPT.format(kind=kind),
                   **NEW_FIELDS[kind], "explanation": NEW_EXPLANATION, "page": self.pages[0] if self.pages else ""}
        at = len(questions) if self.current is None else self.current + 1
        self.document.insert_question(at, mapping)
        self._changed(at)
        return new_id

    def duplicate_question(self) -> str | None:
        if self.current is None:
            return None
        self.apply_form()
        questions = self.document.questions()
        new_id = unique_id(COPY_ID, {str(q.get("id")) for q in questions}, id=str(questions[self.current]["id"]))
        self.document.duplicate_question(self.current, new_id)
        self._changed(self.current + 1)
        return new_id

    def delete_question(self) -> None:
        if self.current is None:
            return
        self.apply_form()
        index = self.current
        self.deleted.append((index, self.document.questions()[index]))
        self.document.remove_question(index)
        self.current = None
        self._changed(min(index, len(self.document.questions()) - 1))

    def undo_delete(self) -> None:
        if not self.deleted:
            return
        index, mapping = self.deleted.pop()
        self.document.insert_question(index, mapping)
        self.current = None
        self._changed(index)

    def move_question(self, step: int) -> None:
        """Move the selected question `step` places (Alt+Up is -1, Alt+Down +1)."""
        if self.current is None or not 0 <= self.current + step < len(self.document.questions()):
            return
        self.apply_form()
        self.document.move_question(self.current, self.current + step)
        self._changed(self.current + step)

    def _changed(self, select: int | None) -> None:
        self.current = None
        self.refresh(select)
        self.sig_document_changed.emit()

    # -- the form -------------------------------------------------------------------------------------------

    def _row_chosen(self, row: int) -> None:
        if row == self.current:
            return
        self.apply_form()
        self.current = row if row >= 0 else None
        self._show_form()

    def _show_form(self) -> None:
        old = self.form_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = None
        if self.current is None:
            self.try_it.set_question(None)
            return
        mapping = self.document.questions()[self.current]
        self.form = make_form(QuestionKind(mapping["kind"]), self.pages, self.sources)
        self.form.sig_checked.connect(self._form_checked)
        self.form.sig_changed.connect(self.apply_timer.start)
        self.form.set_mapping(mapping)
        self.form_area.setWidget(self.form)

    def _form_checked(self, checked: Checked) -> None:
        self.try_it.set_question(checked.question)

    def apply_form(self) -> None:
        """Write the form's mapping into the document if it differs (the timer calls this after edits)."""
        self.apply_timer.stop()
        if self.form is None or self.current is None:
            return
        mapping = self.form.mapping()
        if mapping == self.document.questions()[self.current]:
            return
        self.document.replace_question(self.current, mapping)
        self.list.item(self.current).setText(item_text(mapping))
        self.sig_document_changed.emit()


def preview(document: QuizDocumentLike, pages: tuple[str, ...], sources: tuple[str, ...]) -> QuizEditor:
    """A quiz editor on `document`, sized for a quick look and for screenshots."""
    editor = QuizEditor(document, pages, sources)
    editor.resize(1366, 768)
    return editor
