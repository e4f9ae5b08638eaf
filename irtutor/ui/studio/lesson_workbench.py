"""One lesson's editors in the studio: its details, its pages beside the live reader, and its quiz.

Each editor edits the text of one file of a LessonDraft; the studio window saves and checks. A
YAML file that does not parse cannot be shown in its form, so it opens as plain text with line
numbers until it parses again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from irtutor.content.exchange.report import ImportResult
from irtutor.content.lesson_loader import QUIZ_FILE
from irtutor.content.pages import parse_page
from irtutor.content.summaries import LESSON_FILE
from irtutor.content.yaml_documents import LessonDocument, QuizDocument
from irtutor.core.lesson import Lesson, Page
from irtutor.core.problems import LessonError, Problem
from irtutor.services.lesson_drafts import LessonDraft
from irtutor.ui.studio.markdown_edit import MarkdownEdit
from irtutor.ui.studio.page_editor import PageEditor
from irtutor.ui.studio.quiz_editor import QuizEditor

DETAILS, PAGES, QUIZ = "&Details", "&Pages", "&Quiz"
ADD_PAGE = "Add page…"
UNPARSED = "{name} cannot be shown in its form until this is fixed: {problem}"


def stand_in_lesson(folder: Path) -> Lesson:
    """A lesson with nothing in it, for the preview while lesson.yaml itself is broken."""
    return Lesson(id=folder.name, title=folder.name, summary="", order=0, folder=str(folder), objectives=(),
                  pages=(), sources=(), terms=(), questions=())


@runtime_checkable
class LessonDetailsLike(Protocol):
    document: LessonDocument

    def set_document(self, document: LessonDocument) -> None: ...


class RawYamlEdit(MarkdownEdit):
    """A YAML file as plain text with line numbers, for when it does not parse."""


class LessonWorkbench(QTabWidget):
    sig_changed = Signal(str)
    """The text of a file of the draft changed in an editor (its name)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lesson-workbench")
        self.draft: LessonDraft | None = None
        self.lesson: Lesson | None = None
        self.details: QWidget | None = None
        self.quiz_editor: QuizEditor | None = None
        self.raw: dict[str, RawYamlEdit] = {}
        self.page_list = QListWidget()
        self.page_list.setObjectName("studio-pages")
        self.page_list.setAccessibleName("Pages")
        self.add_page_button = QPushButton(ADD_PAGE)
        self.page_editor = PageEditor()
        self.current_page = ""
        pages = QWidget()
        side = QVBoxLayout()
        side.addWidget(self.page_list, 1)
        side.addWidget(self.add_page_button)
        side_widget = QWidget()
        side_widget.setLayout(side)
        self.pages_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.pages_splitter.addWidget(side_widget)
        self.pages_splitter.addWidget(self.page_editor)
        self.pages_splitter.setStretchFactor(1, 1)
        self.pages_splitter.setSizes([200, 1100])
        QHBoxLayout(pages).addWidget(self.pages_splitter)
        self.details_holder, self.quiz_holder = QWidget(), QWidget()
        QVBoxLayout(self.details_holder).setContentsMargins(0, 0, 0, 0)
        QVBoxLayout(self.quiz_holder).setContentsMargins(0, 0, 0, 0)
        self.addTab(self.details_holder, DETAILS)
        self.addTab(pages, PAGES)
        self.addTab(self.quiz_holder, QUIZ)
        self.pages_tab = pages
        self.page_list.currentTextChanged.connect(self.show_page)
        self.page_editor.sig_text_changed.connect(self._page_edited)
        self.add_page_button.clicked.connect(self._ask_new_page)

    # Opening ---------------------------------------------------------------------------------------

    def open_draft(self, draft: LessonDraft) -> None:
        self.draft = draft
        self.lesson = draft.lesson() or stand_in_lesson(draft.folder)
        self._fill_details()
        self._fill_quiz()
        self.page_list.blockSignals(True)
        self.page_list.clear()
        self.page_list.addItems(draft.page_names)
        self.page_list.blockSignals(False)
        self.current_page = ""
        if draft.page_names:
            self.page_list.setCurrentRow(0)

    def reopen(self, names: set[str]) -> None:
        """Show the draft's text again for the files in `names` (taken from the disk)."""
        if self.draft is None:
            return
        self.lesson = self.draft.lesson() or stand_in_lesson(self.draft.folder)
        if LESSON_FILE in names:
            self._fill_details()
        if QUIZ_FILE in names:
            self._fill_quiz()
        page = self.current_page
        self.page_list.blockSignals(True)
        self.page_list.clear()
        self.page_list.addItems(self.draft.page_names)
        self.page_list.blockSignals(False)
        if page in self.draft.page_names:
            self.page_list.setCurrentRow(self.draft.page_names.index(page))
            if page in names:
                self.current_page = ""
                self.show_page(page)
        elif self.draft.page_names:
            self.page_list.setCurrentRow(0)

    def _holder_widget(self, holder: QWidget, widget: QWidget) -> None:
        layout = holder.layout()
        while layout.count():
            old = layout.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        layout.addWidget(widget)

    def _fill_details(self) -> None:
        assert self.draft is not None
        text = self.draft.text(LESSON_FILE)
        try:
            document = LessonDocument(text, str(self.draft.folder / LESSON_FILE))
        except LessonError as exc:
            self._holder_widget(self.details_holder, self._raw(LESSON_FILE, exc.problem))
            return
        from irtutor.ui.studio.lesson_details import LessonDetailsForm

        form = LessonDetailsForm(document)
        form.sig_document_changed.connect(lambda: self._yaml_edited(LESSON_FILE, document.text))
        self.details = form
        self._holder_widget(self.details_holder, form)
        self._show_citations()

    def _fill_quiz(self) -> None:
        assert self.draft is not None and self.lesson is not None
        text = self.draft.text(QUIZ_FILE)
        try:
            document = QuizDocument(text, str(self.draft.folder / QUIZ_FILE))
        except LessonError as exc:
            self.quiz_editor = None
            self._holder_widget(self.quiz_holder, self._raw(QUIZ_FILE, exc.problem))
            return
        pages = tuple(Path(name).stem for name in self.draft.page_names)
        editor = QuizEditor(document, pages, tuple(s.id for s in self.lesson.sources))
        editor.try_it.lesson_folder = self.draft.folder
        editor.sig_document_changed.connect(lambda: self._yaml_edited(QUIZ_FILE, document.text))
        self.quiz_editor = editor
        self._holder_widget(self.quiz_holder, editor)

    def _raw(self, name: str, problem: Problem) -> QWidget:
        assert self.draft is not None
        box = QWidget()
        layout = QVBoxLayout(box)
        from irtutor.qtkit.plain_text import plain_label

        notice = plain_label(UNPARSED.format(name=name, problem=f"line {problem.line}: {problem.message}"))
        notice.setWordWrap(True)
        edit = RawYamlEdit()
        edit.setPlainText(self.draft.text(name))
        edit.textChanged.connect(lambda: self._raw_edited(name, edit))
        self.raw[name] = edit
        layout.addWidget(notice)
        layout.addWidget(edit, 1)
        return box

    def _show_citations(self) -> None:
        if self.details is None or self.lesson is None or not hasattr(self.details, "set_citations"):
            return
        from irtutor.ui.studio.lesson_details import citations_by_source

        self.details.set_citations(citations_by_source(self._pages_as_written(), self.lesson.questions))

    def _pages_as_written(self) -> list[Page]:
        """Every page parsed from the text on screen: the lesson students would get replaces a page with a
        problem by a notice, which cites nothing, and "not cited" would then be wrong."""
        assert self.draft is not None and self.lesson is not None
        sources, terms = {s.id for s in self.lesson.sources}, {t.term for t in self.lesson.terms}
        pages = []
        for name in self.draft.page_names:
            try:
                pages.append(parse_page(self.draft.folder / name, self.draft.text(name), sources, terms)[0])
            except LessonError:
                continue
        return pages

    # Editing ---------------------------------------------------------------------------------------

    def show_page(self, name: str) -> None:
        if self.draft is None or not name or name == self.current_page or name not in self.draft.files:
            return
        self.current_page = name
        assert self.lesson is not None
        self.page_editor.set_page(self.lesson, self.draft.folder / name, self.draft.text(name))

    def _page_edited(self) -> None:
        if self.draft is None or not self.current_page:
            return
        self.draft.set_text(self.current_page, self.page_editor.text())
        self.sig_changed.emit(self.current_page)

    def _yaml_edited(self, name: str, text: str) -> None:
        assert self.draft is not None
        self.draft.set_text(name, text)
        self.sig_changed.emit(name)

    def _raw_edited(self, name: str, edit: RawYamlEdit) -> None:
        assert self.draft is not None
        self.draft.set_text(name, edit.toPlainText())
        self.sig_changed.emit(name)

    def refresh_lesson(self) -> None:
        """After a check: the preview's sources and terms follow lesson.yaml, and a YAML file that parses
        again goes back to its form."""
        if self.draft is None:
            return
        fresh = self.draft.lesson()
        if fresh is not None:
            self.lesson = fresh
            self._show_citations()
        for name in list(self.raw):
            try:
                (LessonDocument if name == LESSON_FILE else QuizDocument)(self.draft.text(name), name)
            except LessonError:
                continue
            del self.raw[name]
            self._fill_details() if name == LESSON_FILE else self._fill_quiz()

    def _ask_new_page(self) -> None:
        if self.draft is None:
            return
        title, ok = QInputDialog.getText(self, "Add a page", "Title of the new page:")
        if ok and title.strip():
            self.add_page(title.strip())

    def add_page(self, title: str) -> str:
        assert self.draft is not None
        name = self.draft.add_page(title)
        self.page_list.addItem(name)
        self.page_list.setCurrentRow(self.page_list.count() - 1)
        self.sig_changed.emit(name)
        return name

    # Problems --------------------------------------------------------------------------------------

    def show_problems(self, problems: list[Problem]) -> None:
        self.page_editor.show_problems(problems)

    def go_to(self, problem: Problem) -> None:
        """Show the file the problem is in, at its line and column where the editor can."""
        if self.draft is None:
            return
        name = Path(problem.path).name
        if name.endswith(".md") and name in self.draft.files:
            self.setCurrentWidget(self.pages_tab)
            self.page_list.setCurrentRow(self.draft.page_names.index(name))
            self.page_editor.go_to(problem.line, problem.column)
        elif name == QUIZ_FILE:
            self.setCurrentWidget(self.quiz_holder)
            if QUIZ_FILE in self.raw:
                self.raw[QUIZ_FILE].go_to(problem.line, problem.column)
            elif self.quiz_editor is not None:
                spans = self.quiz_editor.document.question_lines()
                index = next((i for i, (first, last) in enumerate(spans) if first <= problem.line <= last), None)
                if index is not None:
                    self.quiz_editor.list.setCurrentRow(index)
        elif name == LESSON_FILE:
            self.setCurrentWidget(self.details_holder)
            if LESSON_FILE in self.raw:
                self.raw[LESSON_FILE].go_to(problem.line, problem.column)

    def add_imported(self, result: ImportResult) -> int:
        """Imported questions after the quiz's own, essays to the discussion prompts, descriptions at the end of
        the first page; all in the draft, unsaved. How many questions were added."""
        from irtutor.services.question_bank import prepared_mappings

        assert self.draft is not None
        self.flush()
        page = Path(self.draft.page_names[0]).stem if self.draft.page_names else ""
        added = 0
        if result.imported and self.quiz_editor is not None:
            document = self.quiz_editor.document
            mappings, _renamed = prepared_mappings(result, {str(q.get("id")) for q in document.questions()}, page)
            first = len(document.questions())
            for mapping in mappings:
                document.insert_question(len(document.questions()), mapping)
            added = len(mappings)
            self.quiz_editor.refresh(select=first)
            self._yaml_edited(QUIZ_FILE, document.text)
        if result.discussion and isinstance(self.details, LessonDetailsLike):
            document = self.details.document
            existing = list(document.data().get("discussion") or [])
            document.set_field("discussion", existing + [p for p in result.discussion if p not in existing])
            self.details.set_document(document)
            self._yaml_edited(LESSON_FILE, document.text)
        if result.page_notes and self.draft.page_names:
            name = self.draft.page_names[0]
            self.draft.set_text(name, self.draft.text(name).rstrip("\n") + "\n\n" + "\n\n".join(result.page_notes)
                                + "\n")
            if self.current_page == name:
                self.current_page = ""
                self.show_page(name)
            self.sig_changed.emit(name)
        return added

    def flush(self) -> None:
        """Hand the draft what the forms still hold back for their typing pause, before a save or autosave."""
        if self.quiz_editor is not None:
            self.quiz_editor.apply_form()
        if self.details is not None and hasattr(self.details, "apply"):
            self.details.apply()

    def mark_saved(self) -> None:
        self.page_editor.mark_saved()
