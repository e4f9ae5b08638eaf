"""The Lesson details form: title, summary, order, objectives, terms and sources of one lesson.yaml.

Each edit goes to a LessonDocument ~300 ms after the author stops typing, through `set_field` for
the one key that changed, so every other line of the file keeps its bytes and comments. The form
then checks the document's text as `irtutor check` would (the schema, plus the row checks in
lesson_fields) and shows each problem under the field or on the row it concerns.

Undo: a text field keeps its own Ctrl+Z while it has the focus (Qt gives it the key first). Anywhere
else in the form (a button, a row's arrows) Ctrl+Z and Ctrl+Shift+Z step through the whole file's
earlier texts, as the question forms do with their mappings; the Undo and Redo buttons do the same.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from irtutor.content.yaml_documents import LessonDocument
from irtutor.core.problems import Problem
from irtutor.ui.studio import lesson_fields as fields
from irtutor.ui.studio import lesson_marks as marks
from irtutor.ui.studio.forms_rows import Column, RowList
from irtutor.ui.studio.lesson_fields import citations_by_source

__all__ = ["LessonDetailsForm", "citations_by_source", "preview"]

APPLY_DELAY_MS = 300
ADD_ROW_KEYS = ("Ctrl+Return", "Ctrl+Enter")
LABELS = {"title": "&Title", "summary": "Su&mmary", "order": "O&rder", "objectives": "Objectives", "terms": "Terms"}
ADD_LABELS = {"objectives": "Add &objective", "terms": "Add t&erm", "sources": "Add &source"}
SOURCES_HEADING = "Sources"
SOURCES_HINT = ("Cite a source on a page with [^its-id]. "
                "Publisher: the organisation, or the author of a book or article.")
UNDO, REDO = "Undo", "Redo"
OBJECTIVE = (Column("text", placeholder="What a student will be able to do, e.g. Explain what Article 5 obliges"),)
TERM = (Column("term", placeholder="Term"), Column("definition", placeholder="Definition", own_line=True))
SOURCE = (Column("id", placeholder="id, e.g. nato-treaty", stretch=3), Column("title", placeholder="Title", stretch=4),
          Column("publisher", placeholder="Publisher or author", stretch=3),
          Column("date", placeholder="YYYY-MM-DD", stretch=1), Column("url", placeholder="https://…", own_line=True),
          Column("note", placeholder="Note (optional): what the source is used for", own_line=True))
EMPTY: dict[str, Any] = {"title": "", "summary": "", "order": 0, "objectives": [], "terms": {}, "sources": {}}


class LessonDetailsForm(QWidget):
    """Forms for the fields of lesson.yaml an author writes by hand, with a "Cited on" line per source."""

    sig_document_changed = Signal()
    """The form wrote an edit, an undo or a redo into its document; `document.text` is the new text."""

    def __init__(self, document: LessonDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.citations: dict[str, list[str]] = {}
        self.dirty: set[str] = set()
        self.undo_stack: list[str] = []
        self.redo_stack: list[str] = []
        self.problems: list[Problem] = []
        self.loading = False
        self.timer = QTimer(self, singleShot=True, interval=APPLY_DELAY_MS)
        self._build()
        self._load()
        self._connect()

    # -- building -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.undo_button, self.redo_button = QPushButton(UNDO), QPushButton(REDO)
        self.problems_label = marks.label("lesson-problems", selectable=True)
        self.title_edit = QLineEdit()
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.summary_edit.setFixedHeight(self.summary_edit.fontMetrics().lineSpacing() * 5 + 14)
        self.order_spin = QSpinBox()
        self.order_spin.setRange(0, 9999)
        self.objectives = RowList(OBJECTIVE, "objective")
        self.terms = RowList(TERM, "term", blank={"term": "", "definition": ""})
        self.sources = RowList(SOURCE, "source", blank={"id": "", "title": "", "publisher": ""})
        self.sources.column.setSpacing(12)
        self.terms.column.setSpacing(8)
        self.lists = {"objectives": self.objectives, "terms": self.terms, "sources": self.sources}
        self.inputs: dict[str, QWidget] = {"title": self.title_edit, "summary": self.summary_edit,
                                           "order": self.order_spin, **self.lists}
        self.field_problems = {key: marks.label(f"problem-{key}") for key in ("title", "summary", "order")}
        for key, widget in self.inputs.items():
            widget.setObjectName(f"field-{key}")
        for key, rows in self.lists.items():
            rows.add_button.setText(ADD_LABELS[key])
            rows.add_button.setToolTip(f"{ADD_LABELS[key].replace('&', '')} (Ctrl+Enter in the list)")
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, widget in self.inputs.items():
            if key != "sources":
                form.addRow(LABELS[key], widget)
            if key in self.field_problems:
                form.addRow("", self.field_problems[key])
        right = QVBoxLayout()
        heading = QLabel(f"<b>{SOURCES_HEADING}</b>")
        hint = marks.label("sources-hint")
        hint.setText(SOURCES_HINT)
        hint.setVisible(True)
        for widget in (heading, hint, self.sources):
            right.addWidget(widget)
        right.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for layout in (form, right):
            self.splitter.addWidget(_scrolled(layout))
        self.splitter.setSizes([560, 800])
        top = QHBoxLayout()
        top.addWidget(self.problems_label, 1)
        top.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.redo_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.title_edit.textEdited.connect(lambda: self._edited("title"))
        self.summary_edit.textChanged.connect(lambda: self._edited("summary"))
        self.order_spin.valueChanged.connect(lambda: self._edited("order"))
        for key, rows in self.lists.items():
            rows.sig_changed.connect(lambda key=key: self._edited(key))
            shortcut = QShortcut(rows)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setKeys([QKeySequence(k) for k in ADD_ROW_KEYS])
            shortcut.activated.connect(rows.add_row)
        self.timer.timeout.connect(self.apply)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo, context=context)
        redo = QShortcut(self)
        redo.setContext(context)
        redo.setKeys(list(dict.fromkeys([QKeySequence("Ctrl+Shift+Z"),
                                         *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)])))
        redo.activated.connect(self.redo)

    # -- the document ---------------------------------------------------------------------------------------

    def set_document(self, document: LessonDocument) -> None:
        """Show another lesson.yaml (or the same file reloaded); its undo history starts afresh."""
        self.timer.stop()
        self.document, self.undo_stack, self.redo_stack = document, [], []
        self._load()

    def set_citations(self, cited: dict[str, list[str]]) -> None:
        """Source id -> the page slugs (and `quiz:<id>` questions) citing it, see `fields.citations_by_source`."""
        self.citations = dict(cited)
        self._decorate_sources()

    def _load(self) -> None:
        """Fill every input from the document, then check it."""
        data = {**EMPTY, **self.document.data()}
        sources = data["sources"] if isinstance(data["sources"], dict) else {}
        self.loading = True
        try:
            self.title_edit.setText(str(data["title"] or ""))
            self.summary_edit.setPlainText(str(data["summary"] or ""))
            self.order_spin.setValue(data["order"] if isinstance(data["order"], int) else 0)
            self.objectives.set_values([str(o) for o in data["objectives"] or []])
            self.terms.set_values(fields.term_rows(data["terms"] if isinstance(data["terms"], dict) else {}))
            self.sources.set_values(fields.source_rows(sources))
        finally:
            self.loading = False
        self.dirty.clear()
        self._rows_changed()
        self.check_now()

    def values(self) -> dict[str, Any]:
        """What the form holds for each key, as lesson.yaml writes it (None: not writable while ids clash)."""
        source_rows, term_rows = self.sources.values(), self.terms.values()
        kept = [fields.kept_keys(row.original) for row in self.sources.rows]
        return {"title": self.title_edit.text(), "summary": self.summary_edit.toPlainText(),
                "order": self.order_spin.value(), "objectives": fields.objectives_value(self.objectives.values()),
                "terms": None if fields.duplicate_keys(term_rows, "term") else fields.terms_value(term_rows),
                "sources": None if fields.duplicate_keys(source_rows, fields.SOURCE_ID)
                else fields.sources_value(source_rows, kept)}

    def _edited(self, key: str) -> None:
        if self.loading:
            return
        self.dirty.add(key)
        if key in self.lists:
            self._rows_changed()
        self.timer.start()

    def apply(self) -> bool:
        """Write the keys edited since the last apply into the document; True if its text changed."""
        self.timer.stop()
        before, data = self.document.text, {**EMPTY, **self.document.data()}
        for key, value in self.values().items():
            if key in self.dirty and value is not None and value != data[key]:
                self.document.set_field(key, value)
        self.dirty.clear()
        changed = self.document.text != before
        if changed:
            self.undo_stack.append(before)
            self.redo_stack.clear()
            self.sig_document_changed.emit()
        self.check_now()
        return changed

    def undo(self) -> None:
        """Back to the document's text before the last edit the form wrote (typing not yet written counts)."""
        self.apply()
        if self.undo_stack:
            self.redo_stack.append(self.document.text)
            self._restore(self.undo_stack.pop())

    def redo(self) -> None:
        self.apply()
        if self.redo_stack:
            self.undo_stack.append(self.document.text)
            self._restore(self.redo_stack.pop())

    def _restore(self, text: str) -> None:
        # The same object takes the old text, since whoever saves holds this document; LessonDocument
        # has no public way to swap its whole text (a `set_text` there would read better).
        LessonDocument.__init__(self.document, text, self.document.path)
        self._load()
        self.sig_document_changed.emit()

    # -- rows -----------------------------------------------------------------------------------------------

    def _rows_changed(self) -> None:
        """After rows came, went or moved: their labels, and Tab in the order they are shown.

        Sources and terms have no move buttons: lesson.yaml keeps a mapping's keys in the order written
        (the document's merge updates keys in place), so a moved row would not move in the file."""
        marks.dress_rows(self.lists, fixed_order=(self.sources, self.terms))
        for row in self.sources.rows:
            if not row.property("follows-id"):  # a new row: its "Cited on" line follows the id as typed
                row.setProperty("follows-id", True)
                row.inputs[fields.SOURCE_ID].textEdited.connect(self._decorate_sources)
        self._decorate_sources()
        marks.tab_in_order([self.undo_button, self.redo_button, self.title_edit, self.summary_edit,
                            self.order_spin], self.lists.values())

    def _decorate_sources(self) -> None:
        """Each source row's "Cited on" line, following its id as typed."""
        further = self.document.data().get("further_reading") or []
        for row in self.sources.rows:
            label = marks.row_label(row, marks.CITED_ON)
            source_id = row.inputs[fields.SOURCE_ID].text().strip()
            text = fields.cited_text(self.citations.get(source_id, []), source_id in further)
            label.setText(text + (f" · {fields.NOT_VERIFIED_NOTE}" if row.original.get("verified") is False else ""))

    # -- checking -------------------------------------------------------------------------------------------

    def check_now(self) -> list[Problem]:
        """Check the document and the rows now; show each problem under its field or row, and at the top."""
        rows = {key: rows.values() for key, rows in self.lists.items()}
        self.problems, found = marks.document_marks(self.document.text, self.document.path, rows)
        marks.show_marks(found, self.lists, {k: (self.inputs[k], v) for k, v in self.field_problems.items()},
                         self.problems_label)
        return self.problems


def _scrolled(layout: QFormLayout | QVBoxLayout) -> QScrollArea:
    inner = QWidget()
    layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # scroll, never squeeze the rows
    inner.setLayout(layout)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    return area


def preview(document: LessonDocument) -> LessonDetailsForm:
    """The form on `document`, sized for a quick look and for screenshots."""
    form = LessonDetailsForm(document)
    form.resize(1366, 768)
    return form
