"""What the Lesson details form shows beside its inputs: each problem under its field, under its row
and in the list on top; a row's whole text on hover; Tab in reading order.

lesson.yaml is checked as `irtutor check` checks it (the schema) on the document's text; each problem's
line and column lead back, through the positions LocatedYaml keeps, to the key and the row written
there. The row checks the schema cannot make (lesson_fields) are added on the rows themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from irtutor.content.located_yaml import LocatedYaml, YamlPath, load_located_yaml
from irtutor.content.schema_check import schema_problems
from irtutor.core.problems import LessonError, Problem
from irtutor.ui.studio import lesson_fields as fields
from irtutor.ui.studio.forms_rows import BAD_FIELD, Row, RowList

NO_PROBLEMS = "No problems in lesson.yaml."
PROBLEM_LINE = "• {field}: {message}"
MORE = "• and {n} more, each shown under its field or row"
SUMMARY_LINES = 5
FIELD_NAMES = {"title": "Title", "summary": "Summary", "order": "Order", "objectives": "Objectives",
               "terms": "Terms", "sources": "Sources", "": "lesson.yaml"}
PROBLEM_STYLE = "color: #b00020"
CITED_ON, ROW_PROBLEM = "cited-on", "row-problem"
FORM_KEYS = ("title", "summary", "order", "objectives", "terms", "sources")

Mark = tuple[str, int | None, str]
"""A problem's field key ("" for the file as a whole), its row in that field's list (or None), its message."""


def document_marks(text: str, path: str, rows: dict[str, list[Any]]) -> tuple[list[Problem], list[Mark]]:
    """The schema's problems with lesson.yaml's `text`, and every mark to show, the form's `rows` checked too."""
    try:
        located: LocatedYaml | None = load_located_yaml(text, path)
        problems = schema_problems(located, "lesson") if located else []
    except LessonError as error:
        located, problems = None, [error.problem]
    found = [(*_target(located, p, rows), p.message) for p in problems if not _id_pattern(located, p)]
    found += [("sources", i, m) for i, m in fields.source_row_problems(rows["sources"])]
    found += [("terms", i, m) for i, m in fields.term_row_problems(rows["terms"])]
    return problems, found


def _target(located: LocatedYaml | None, problem: Problem, rows: dict[str, list[Any]]) -> tuple[str, int | None]:
    """The form key and row a problem is about, found from where it is written."""
    at = _place(located, problem) if located else ()
    key = str(at[0]) if at and at[0] in FORM_KEYS else ""
    if key not in rows or len(at) < 2:
        return key, None
    if key == "objectives":
        written = fields.written_rows(rows[key])  # blank rows are not in the file
        return key, written[at[1]] if isinstance(at[1], int) and at[1] < len(written) else None
    name = "term" if key == "terms" else fields.SOURCE_ID
    return key, next((i for i, r in enumerate(rows[key]) if str(r.get(name, "")).strip() == at[1]), None)


def _place(located: LocatedYaml, problem: Problem) -> YamlPath:
    """The deepest path written at the problem's line and column (else on its line)."""
    spot = (problem.line, problem.column)
    found = [at for table in (located.values, located.keys) for at, where in table.items() if where == spot]
    found = found or [at for at, where in located.values.items() if where[0] == problem.line]
    return max(found, key=len, default=())


def _id_pattern(located: LocatedYaml | None, problem: Problem) -> bool:
    """The schema's complaint about a source id, which the row checks already put on the row."""
    return located is not None and _place(located, problem)[:1] == ("sources",) and problem.message.startswith("id ")


def show_marks(marks: list[Mark], lists: dict[str, RowList], inputs: dict[str, tuple[QWidget, QLabel]],
               summary: QLabel) -> None:
    """Clear the old marks; put each message under its field or row, and all of them in `summary`."""
    for rows in lists.values():
        rows.clear_marks()
        for row in rows.rows:
            row_label(row, ROW_PROBLEM).setVisible(False)
    for widget, under in inputs.values():
        widget.setStyleSheet("")
        under.setVisible(False)
    by_place: dict[tuple[str, int | None], list[str]] = {}
    for key, index, message in marks:
        by_place.setdefault((key, index), []).append(message)
    for (key, index), messages in by_place.items():
        if key in lists:
            _mark_row(lists[key], index, "\n".join(messages))
        elif key in inputs:
            widget, under = inputs[key]
            widget.setStyleSheet(f"#{widget.objectName()} {{ {BAD_FIELD} }}")
            show_label(under, "\n".join(messages))
    lines = [PROBLEM_LINE.format(field=FIELD_NAMES.get(k, k), message=m) for k, _, m in marks]
    if len(lines) > SUMMARY_LINES:  # the fields stay in view; each problem is also under its field
        lines[SUMMARY_LINES - 1:] = [MORE.format(n=len(lines) - SUMMARY_LINES + 1)]
    summary.setText("\n".join(lines) if lines else NO_PROBLEMS)
    summary.setStyleSheet(PROBLEM_STYLE if lines else "")
    summary.setVisible(True)


def _mark_row(rows: RowList, index: int | None, message: str) -> None:
    if index is None or index >= len(rows.rows):
        rows.mark(None, message)
        return
    # Not RowList.mark: a style sheet on a row redraws its inputs smaller; the red line under it says it.
    rows.rows[index].setToolTip(message)
    show_label(row_label(rows.rows[index], ROW_PROBLEM), message)


def label(name: str, *, selectable: bool = False) -> QLabel:
    """A wrapping label, hidden until it has something to say."""
    made = QLabel()
    made.setObjectName(name)
    made.setWordWrap(True)
    made.setVisible(False)
    if selectable:
        made.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return made


def show_label(under: QLabel, message: str) -> None:
    under.setText(message)
    under.setStyleSheet(PROBLEM_STYLE)
    under.setVisible(True)


def row_label(row: Row, name: str) -> QLabel:
    """A line of text under a row (its "Cited on" or its problem), made on first use."""
    found = row.findChild(QLabel, name)
    if found is None:
        found = label(name)
        found.setVisible(name == CITED_ON)
        font = found.font()
        font.setItalic(name == CITED_ON)  # information about the row, not one of its inputs
        found.setFont(font)
        row.layout().addWidget(found)
    return found


def dress_rows(lists: dict[str, RowList], fixed_order: Iterable[RowList]) -> None:
    """Rows as they come: full text on hover (a long objective overflows its box), a date box wide
    enough for YYYY-MM-DD, and no move buttons in the lists whose order the file cannot follow."""
    for rows in fixed_order:
        for row in rows.rows:
            row.up.hide()
            row.down.hide()
    for row in (row for rows in lists.values() for row in rows.rows):
        for key, edit in row.inputs.items():
            if isinstance(edit, QLineEdit) and not edit.property("tells-text"):
                edit.setProperty("tells-text", True)
                edit.setToolTip(edit.text())
                edit.textChanged.connect(edit.setToolTip)
                if key == "date":
                    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 16)


def tab_in_order(first: list[QWidget], lists: Iterable[RowList]) -> None:
    """Tab through `first`, then each list's rows (inputs, shown buttons) and its Add button: new rows
    would otherwise come last in the chain, wherever they are shown."""
    chain = list(first)
    for rows in lists:
        for row in rows.rows:
            chain += [*row.inputs.values(), *(b for b in (row.up, row.down) if not b.isHidden()), row.remove]
        chain.append(rows.add_button)
    for one, other in pairwise(chain):
        QWidget.setTabOrder(one, other)
