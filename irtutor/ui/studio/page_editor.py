"""A lesson page's editor: its Markdown on the left, the student's reader on the right, live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem
from irtutor.ui.studio.markdown_edit import MarkdownEdit
from irtutor.ui.studio.page_preview import PagePreview


class PageEditor(QWidget):
    """Edit one page's Markdown beside its live preview in the real lesson reader."""

    sig_text_changed = Signal()
    """The page's text changed (typed, pasted, undone or redone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = MarkdownEdit()
        self.preview = PagePreview()
        self.lesson: Lesson | None = None
        self.page_path = Path()
        self._opening = False
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("page-editor-splitter")
        self.splitter.addWidget(self.edit)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1000, 1000])  # half each, scaled to the width it gets
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.cursorPositionChanged.connect(self._follow_cursor)

    def set_page(self, lesson: Lesson, page_path: Path, text: str) -> None:
        """Open `text` as the page `page_path` of `lesson`; it counts as saved, with no undo history."""
        self.lesson, self.page_path = lesson, page_path
        self.edit.set_vocabulary([s.id for s in lesson.sources], [t.term for t in lesson.terms])
        self._opening = True  # opening a page is not an edit
        self.edit.setPlainText(text)  # also clears the undo history and the modified flag
        self._opening = False
        self.edit.show_problems([])
        self.preview.show_page(lesson, page_path, text)

    def text(self) -> str:
        return self.edit.toPlainText()

    def is_modified(self) -> bool:
        return self.edit.document().isModified()

    def mark_saved(self) -> None:
        """The text was written to its file: not modified until the next edit."""
        self.edit.document().setModified(False)

    def show_problems(self, problems: list[Problem]) -> None:
        """Underline the problems of this page (others are ignored)."""
        self.edit.show_problems([p for p in problems if Path(p.path).resolve() == self.page_path.resolve()])

    def go_to(self, line: int, column: int) -> None:
        self.edit.go_to(line, column)

    def _on_text_changed(self) -> None:
        if self._opening:
            return
        self.preview.set_text(self.edit.toPlainText())
        self.sig_text_changed.emit()

    def _follow_cursor(self) -> None:
        self.preview.follow_line(self.edit.textCursor().blockNumber() + 1, self.edit.blockCount())


def preview() -> PageEditor:
    """The editor on the longest shipped page, for a quick look and the screenshots."""
    from irtutor.content.lesson_loader import load_lesson
    from irtutor.paths import builtin_lessons_dir

    path = max(builtin_lessons_dir().glob("*/*.md"), key=lambda p: len(p.read_text(encoding="utf-8")))
    lesson, _problems = load_lesson(path.parent)
    assert lesson is not None, f"the shipped lesson {path.parent.name} does not load"
    editor = PageEditor()
    editor.set_page(lesson, path, path.read_text(encoding="utf-8"))
    return editor
