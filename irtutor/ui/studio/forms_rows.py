"""A list of rows of small inputs (options, answers, pairs, items, events) an author adds, removes and reorders.

Each row is a mapping as quiz.yaml writes it; a column says how one of its keys is edited. A row
remembers the keys and value types it came with, so reading it back gives the same mapping:
`correct: false` written out stays written out, a year written unquoted stays a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

ADD_ROW = "Add {noun}"
UP, DOWN, REMOVE = "↑", "↓", "✕"
UP_TIP, DOWN_TIP, REMOVE_TIP = "Move up", "Move down", "Remove this {noun}"
BAD_FIELD = "border: 1px solid #b00020"


@dataclass(frozen=True)
class Column:
    """One key of a row: `text` (a string), `label` (string, or a whole number kept as written),
    `number` (int or float, free text while typed) or `flag` (a bool, a check box)."""

    key: str
    kind: str = "text"
    placeholder: str = ""
    stretch: int = 1
    own_line: bool = False
    """On a line of its own under the others (a long feedback text)."""


def number_or_text(text: str) -> Any:
    """What an author typed into a number field: an int, a float, or the text itself (the schema then says so)."""
    stripped = text.strip()
    for convert in (int, float):
        try:
            return convert(stripped)
        except ValueError:
            pass
    return stripped


def shown(value: Any) -> str:
    return "" if value is None else str(value)


class Row(QWidget):
    """One row's inputs, in column order, with move and remove buttons."""

    def __init__(self, columns: tuple[Column, ...], noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.original, self.plain = columns, {}, False
        self.inputs: dict[str, QLineEdit | QCheckBox] = {}
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 2)
        lines.setSpacing(2)
        line = QHBoxLayout()
        lines.addLayout(line)
        for column in columns:
            widget = _input(column)
            widget.setObjectName(f"row-{column.key}")
            self.inputs[column.key] = widget
            if column.own_line:
                lines.addWidget(widget)
            else:
                line.addWidget(widget, 0 if column.kind == "flag" else column.stretch)
        self.up, self.down, self.remove = (_tool(UP, UP_TIP), _tool(DOWN, DOWN_TIP),
                                           _tool(REMOVE, REMOVE_TIP.format(noun=noun)))
        for button in (self.up, self.down, self.remove):
            line.addWidget(button)

    def set_value(self, value: Any) -> None:
        """A mapping, or a bare label (a plain answer or item) that fills the first column."""
        self.plain = not isinstance(value, dict)
        self.original = {self.columns[0].key: value} if self.plain else dict(value)
        for column in self.columns:
            widget, item = self.inputs[column.key], self.original.get(column.key)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(item))
            else:
                widget.setText(shown(item))
                widget.setCursorPosition(0)  # a long feedback shows its start, not its end

    def value(self) -> Any:
        out = {c.key: v for c in self.columns if (v := self._read(c)) is not None}
        first = self.columns[0].key
        if self.plain and set(out) <= {first}:
            return out.get(first, "")
        return out

    def _read(self, column: Column) -> Any:
        widget, had = self.inputs[column.key], column.key in self.original
        if isinstance(widget, QCheckBox):
            return widget.isChecked() if widget.isChecked() or had else None
        text = widget.text()
        if not text.strip() and column.kind != "text":
            return None
        if column.kind == "number":
            return number_or_text(text)
        if column.kind == "label" and isinstance(self.original.get(column.key), int) and text.strip().isdigit():
            return int(text)
        return text if text or column is self.columns[0] else None


class RowList(QWidget):
    """Rows with Add, move and remove; `sig_changed` on any edit."""

    sig_changed = Signal()
    """A row was typed into, added, removed or moved."""

    def __init__(self, columns: tuple[Column, ...], noun: str, *, blank: Any = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.noun, self.blank = columns, noun, blank
        self.rows: list[Row] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)
        self.add_button = QPushButton(ADD_ROW.format(noun=noun))
        self.add_button.setObjectName("add-row")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.column.addWidget(self.add_button)

    def set_values(self, values: list[Any]) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for value in values:
            self._append(value)
        self._refresh()

    def values(self) -> list[Any]:
        return [row.value() for row in self.rows]

    def add_row(self, value: Any = None) -> Row:
        """A new row (blank unless `value`), focused for typing."""
        row = self._append(self.blank if value is None else value)
        self._refresh()
        self.sig_changed.emit()
        first = row.inputs[self.columns[0].key]
        first.setFocus()
        return row

    def remove_row(self, index: int) -> None:
        self.rows.pop(index).deleteLater()
        self._refresh()
        self.sig_changed.emit()

    def move_row(self, index: int, to: int) -> None:
        if not 0 <= to < len(self.rows):
            return
        self.rows.insert(to, self.rows.pop(index))
        self._refresh()
        self.sig_changed.emit()

    def mark(self, index: int | None, message: str) -> None:
        """Show `message` on row `index` (None: on the whole list)."""
        target = self if index is None or index >= len(self.rows) else self.rows[index]
        target.setStyleSheet(f"Row {{ {BAD_FIELD} }}" if target is not self else "")
        target.setToolTip(message)

    def clear_marks(self) -> None:
        for row in self.rows:
            row.setStyleSheet("")
            row.setToolTip("")
        self.setToolTip("")

    def _append(self, value: Any) -> Row:
        row = Row(self.columns, self.noun, self)
        row.set_value(value)
        for widget in row.inputs.values():
            signal = widget.toggled if isinstance(widget, QCheckBox) else widget.textEdited
            signal.connect(self.sig_changed)
        row.up.clicked.connect(lambda: self.move_row(self.rows.index(row), self.rows.index(row) - 1))
        row.down.clicked.connect(lambda: self.move_row(self.rows.index(row), self.rows.index(row) + 1))
        row.remove.clicked.connect(lambda: self.remove_row(self.rows.index(row)))
        self.rows.append(row)
        return row

    def _refresh(self) -> None:
        """Lay the rows out in their order, the Add button last; the ends cannot move further."""
        for i, row in enumerate(self.rows):
            self.column.insertWidget(i, row)
            row.up.setEnabled(i > 0)
            row.down.setEnabled(i < len(self.rows) - 1)


def _input(column: Column) -> QLineEdit | QCheckBox:
    if column.kind == "flag":
        return QCheckBox(column.placeholder or column.key)
    edit = QLineEdit()
    edit.setPlaceholderText(column.placeholder or column.key)
    edit.setClearButtonEnabled(False)
    return edit


def _tool(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button
