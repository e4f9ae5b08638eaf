"""The page's Markdown as plain text: line numbers, highlighting, completion and problems underlined.

The line-number gutter is Qt's "Code Editor" example: a side widget the editor paints and scrolls
on `updateRequest`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRect, QSize, QStringListModel, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from irtutor.core.problems import Problem
from irtutor.qtkit.plain_text import plain_tooltip
from irtutor.ui.studio.completion import Choices, choices_at
from irtutor.ui.studio.markdown_highlighter import MarkdownHighlighter

_POPUP_KEYS = {Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape, Qt.Key.Key_Backtab}
_REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
"""Both, whatever the platform's own binding: instructors come from Windows and from Linux editors."""
PROBLEM_COLOUR = QColor("#d93025")
PROBLEM_TINT = QColor(217, 48, 37, 36)
"""Behind the spot as well: Qt's wave is one pixel thin, easy to miss on a projector."""


class LineNumbers(QWidget):
    """The gutter: paints nothing itself, the editor paints it (it knows where each line is)."""

    def __init__(self, editor: MarkdownEdit) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(event)


class MarkdownEdit(QPlainTextEdit):
    """A lesson page's Markdown: monospace, numbered lines, undo and redo, completion, problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setUndoRedoEnabled(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # prose paragraphs are one long line
        self.setObjectName("page-markdown")
        self.setAccessibleName("Page text (Markdown)")
        self.highlighter = MarkdownHighlighter(self.document(), self.palette())
        self.gutter = LineNumbers(self)
        self.gutter.setFont(self.font())
        self.completer = QCompleter(QStringListModel(self), self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.sources: tuple[str, ...] = ()
        self.terms: tuple[str, ...] = ()
        self._choices: Choices | None = None
        self._problems: list[tuple[QTextCursor, str]] = []
        self.blockCountChanged.connect(self._fit_gutter)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._show_selections)
        self.cursorPositionChanged.connect(self.gutter.update)  # the current line's number is bold
        self.completer.activated.connect(self.insert_completion)
        self._fit_gutter()
        self._show_selections()

    # -- public API --------------------------------------------------------------------------------

    def set_vocabulary(self, sources: Sequence[str], terms: Sequence[str]) -> None:
        """The lesson's source ids and key terms, offered after `[^` and `[[`."""
        self.sources, self.terms = tuple(sources), tuple(terms)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Underline each problem's spot (to the end of its word) in wavy red; hover shows the message."""
        self._problems = [(self._problem_cursor(p), p.message) for p in problems]
        self._show_selections()

    def problem_at(self, position: int) -> str | None:
        """The message of a problem underlined at a character position, if any."""
        for cursor, message in self._problems:
            if cursor.selectionStart() <= position < max(cursor.selectionEnd(), cursor.selectionStart() + 1):
                return message
        return None

    def go_to(self, line: int, column: int) -> None:
        """Put the cursor at a 1-based line and column, centre it and take the keyboard."""
        block = self.document().findBlockByNumber(max(0, min(line, self.blockCount()) - 1))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + max(0, min(column - 1, block.length() - 1)))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- problems and the current line ------------------------------------------------------------

    def _problem_cursor(self, problem: Problem) -> QTextCursor:
        block = self.document().findBlockByNumber(max(0, problem.line - 1))
        text = block.text()
        start = max(0, min(problem.column - 1, len(text)))
        end = start
        while end < len(text) and not text[end].isspace():
            end += 1
        if end == start:  # a blank line or the end of one: mark the line's last character or its end
            start = max(0, start - 1)
            end = min(len(text), start + 1)
        cursor = QTextCursor(self.document())
        cursor.setPosition(block.position() + start)
        cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _show_selections(self) -> None:
        line = QTextEdit.ExtraSelection()
        line.format.setBackground(self.palette().color(QPalette.ColorRole.AlternateBase))
        line.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        line.cursor = self.textCursor()
        line.cursor.clearSelection()
        selections = [line]
        for cursor, _message in self._problems:
            spot = QTextEdit.ExtraSelection()
            spot.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            spot.format.setUnderlineColor(PROBLEM_COLOUR)
            spot.format.setBackground(PROBLEM_TINT)
            spot.cursor = cursor
            selections.append(spot)
        self.setExtraSelections(selections)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            message = self.problem_at(self.cursorForPosition(event.pos()).position())
            if message:
                QToolTip.showText(event.globalPos(), plain_tooltip(message), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- completion --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.completer.popup().isVisible() and event.key() in _POPUP_KEYS:
            event.ignore()  # the completer's popup takes these
            return
        if event.matches(QKeySequence.StandardKey.Redo) or QKeySequence(event.keyCombination()) in _REDO_KEYS:
            self.redo()
            return
        super().keyPressEvent(event)
        if event.text() or event.key() == Qt.Key.Key_Backspace:
            self._offer_completion()

    def _offer_completion(self) -> None:
        cursor = self.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()]
        choices = choices_at(before, self.sources, self.terms)
        self._choices = choices
        popup = self.completer.popup()
        if choices is None or not choices.words:
            popup.hide()
            return
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(list(choices.words))
        self.completer.setCompletionPrefix(choices.prefix)
        if self.completer.completionCount() == 0:
            popup.hide()
            return
        popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        rect = self.cursorRect()
        rect.setWidth(popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 8)
        self.completer.complete(rect)

    def insert_completion(self, word: str) -> None:
        """Replace the typed prefix with `word` and what follows it (`]`, `]]`, `} `, `=`)."""
        choices = self._choices
        if choices is None:
            return
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(choices.prefix))
        after = cursor.block().text()[cursor.positionInBlock() + len(choices.prefix):]
        suffix = "" if choices.suffix.strip() and after.startswith(choices.suffix.strip()) else choices.suffix
        cursor.insertText(word + suffix)
        self.setTextCursor(cursor)
        self._choices = None

    # -- the gutter --------------------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _fit_gutter(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._fit_gutter()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        current = self.textCursor().blockNumber()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                font = painter.font()
                font.setBold(block.blockNumber() == current)
                painter.setFont(font)
                painter.drawText(0, top, self.gutter.width() - 6, height, Qt.AlignmentFlag.AlignRight,
                                 str(block.blockNumber() + 1))
            block, top = block.next(), bottom
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.use_palette(self.palette())
