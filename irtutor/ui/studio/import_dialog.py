"""File -> Import questions…: what each question of a GIFT or Moodle XML file becomes, before anything
is added. A row opens the question in its form and in Try it, with the real widget and grader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from irtutor.content.exchange.report import ImportResult
from irtutor.core.questions import QuestionKind
from irtutor.services.question_bank import FORMATS, table_rows
from irtutor.ui.studio.forms_base import QuestionForm, check_mapping
from irtutor.ui.studio.question_forms import make_form
from irtutor.ui.studio.try_it import TryItPane

COLUMNS = ("Where", "Becomes", "Status", "Prompt")
SUMMARY = ("{name} ({format}): {imported} of {total} question(s) can be imported. Nothing is added until "
           "you press Add; then they go after the lesson's own questions (save with Ctrl+S).")


class ImportDialog(QDialog):
    def __init__(self, path: Path, fmt: str, result: ImportResult, pages: tuple[str, ...],
                 sources: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import questions from {path.name}")
        self.result, self.pages, self.sources = result, pages, sources
        self.form: QuestionForm | None = None
        summary = QLabel(SUMMARY.format(name=path.name, format=FORMATS[fmt], imported=len(result.imported),
                                        total=len(result.questions)))
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(len(result.questions), len(COLUMNS))
        self.table.setObjectName("import-preview")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        for row, cells in enumerate(table_rows(result)):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.form_holder = QWidget()
        QVBoxLayout(self.form_holder).setContentsMargins(0, 0, 0, 0)
        self.try_it = TryItPane()
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.form_holder)
        below.addWidget(self.try_it)
        below.setSizes([600, 500])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setSizes([260, 420])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(f"&Add {len(result.imported)} question(s)",
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setEnabled(bool(result.imported or result.discussion or result.page_notes))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_question(row))
        self.resize(1100, 720)
        if result.questions:
            self.table.setCurrentCell(0, 0)

    def show_question(self, row: int) -> None:
        """The question in its form (as it will be added) and in Try it; a skipped one says why."""
        layout = self.form_holder.layout()
        while layout.count():
            old = layout.takeAt(0).widget()
            if old is not None:
                old.hide()  # out of the layout it would still be drawn until deleted
                old.deleteLater()
        self.form = None
        if not 0 <= row < len(self.result.questions):
            return
        question = self.result.questions[row]
        if question.mapping is None:
            why = QLabel(f"{question.where}: {question.status}")
            why.setWordWrap(True)
            why.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(why)
            self.try_it.set_question(None)
            return
        mapping: dict[str, Any] = {**question.mapping, "page": question.mapping.get("page") or
                                   (self.pages[0] if self.pages else "")}
        self.form = make_form(QuestionKind(mapping["kind"]), self.pages, self.sources)
        self.form.set_mapping(mapping)
        layout.addWidget(self.form)
        self.try_it.set_question(check_mapping(mapping, set(self.pages), set(self.sources)).question)
