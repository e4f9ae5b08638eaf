"""`irtutor preview FOLDER`: the student's reader on a lesson folder, for instructors who keep their own editor.

Every save from any editor reloads the lesson: a `QFileSystemWatcher` watches the folder and
each lesson file, and a burst of changes (an editor writes, renames, touches) is debounced into
one reload `DEBOUNCE_MS` after the last. Editors often save by writing a temporary file and
renaming it over the old one, which ends the watch on the old file, so every path is watched
again after each reload. The problems are those of `irtutor check`; a lesson with problems
keeps the last good view on screen beside them.

The files are read on a worker thread (strict and uncached, as `irtutor check` reads them: some
30 ms for one lesson, 140 ms for the seven shipped ones), and only the page is drawn on the GUI
thread (some 80 ms more for a page with three figures). A save that comes while the files are
being read is read once that read is done.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from irtutor.content.catalog import LoadedLessons, load_lessons
from irtutor.content.summaries import lesson_folders
from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem
from irtutor.qtkit.plain_text import plain_label, plain_tooltip
from irtutor.ui.lesson_reader import LessonReader

DEBOUNCE_MS = 150
"""After the last change on disk: one save is often several file events."""
TITLE = "Preview — {title}"
NO_PROBLEMS = "No problems: irtutor check passes on this folder."
PROBLEMS = "{count} problem(s), as irtutor check reports them:"
KEPT = "⚠ Showing the last version that loaded: the lesson as saved has the problems below."
AS_STUDENTS_GET_IT = "⚠ Showing the lesson as students would get it, its broken parts left out: see the problems below."
NOT_A_LESSON = "{folder}: no lesson here: give a folder with a lesson.yaml, or a folder of such folders"
FOLDER_ID = Qt.ItemDataRole.UserRole
Reading = tuple[list[Path], LoadedLessons]
"""The lesson folders under the root, and what loading them gave."""


def read_folder(root: Path) -> Reading:
    """The folder as `irtutor check` reads it; a folder that vanished mid-save is one problem, not a crash."""
    try:
        return lesson_folders([root]), load_lessons([root], strict=True)
    except OSError as exc:
        return [], LoadedLessons(problems=[Problem(str(root), 1, 1, f"could not be read ({exc})")])


class FolderPreview(QMainWindow):
    """A lesson folder (or a folder of lessons, with a list to pick one) in the real reader, live."""

    sig_reloaded = Signal(bool)
    """The files were read again: True when the reader shows them, False when it kept the last good view."""

    _sig_read = Signal(object)
    # Emitted on the reading thread with its Reading; the connection queues it to the GUI thread.

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.reader: LessonReader | None = None
        self.shown_folder: Path | None = None
        self.shown_good = False
        """The reader shows a version of `shown_folder` that loaded without problems."""
        self.problems: list[Problem] = []
        self.reading: Reading = ([], LoadedLessons())
        self._busy = self._again = False
        self.lesson_picker = QListWidget()
        self.lesson_picker.setObjectName("preview-lessons")
        self.lesson_picker.setAccessibleName("Lessons in this folder")
        self.notice = plain_label(KEPT)
        self.notice.setObjectName("preview-notice")
        self.notice.setWordWrap(True)
        self.notice.setMargin(6)
        self.notice.hide()
        self.problems_label = plain_label()
        self.problems_list = QListWidget()
        self.problems_list.setObjectName("preview-problems")
        self.problems_list.setAccessibleName("Problems")
        self.problems_list.setWordWrap(True)  # a problem lists the lesson's source ids: it reads whole
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self._build_layout()
        self._show_reading(read_folder(root))  # at once: the window opens on the lesson
        self._connect()

    def _build_layout(self) -> None:
        self.reader_box = QVBoxLayout()
        self.reader_box.setContentsMargins(0, 0, 0, 0)
        self.reader_box.addWidget(self.notice)
        reader_pane = QWidget()
        reader_pane.setLayout(self.reader_box)
        problems_pane = QWidget()
        problems_box = QVBoxLayout(problems_pane)
        problems_box.setContentsMargins(6, 6, 6, 6)
        problems_box.addWidget(self.problems_label)
        problems_box.addWidget(self.problems_list, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(reader_pane)
        right.addWidget(problems_pane)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.lesson_picker)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 1000])
        self.setCentralWidget(self.splitter)
        self.resize(1180, 760)

    def _connect(self) -> None:
        self.watcher.fileChanged.connect(self.timer.start)
        self.watcher.directoryChanged.connect(self.timer.start)
        self.timer.timeout.connect(self.reload)
        self._sig_read.connect(self._on_read, Qt.ConnectionType.QueuedConnection)
        self.lesson_picker.currentItemChanged.connect(self._on_lesson_picked)

    def reload(self) -> None:
        """Read the folder again on a worker thread; `sig_reloaded` says when it is on screen."""
        self.timer.stop()
        if self._busy:
            self._again = True  # saved while being read: read once more after
            return
        self._busy = True
        threading.Thread(target=self._read, name="irtutor-preview", daemon=True).start()

    def _read(self) -> None:
        reading = read_folder(self.root)
        try:
            self._sig_read.emit(reading)
        except RuntimeError:  # the window closed meanwhile
            return

    def _on_read(self, reading: Reading) -> None:
        self._busy = False
        self._show_reading(reading)
        if self._again:
            self._again = False
            self.reload()

    def _show_reading(self, reading: Reading) -> None:
        folders, loaded = self.reading = reading
        self.problems = sorted(loaded.problems)
        self._show_problems()
        self._fill_picker(folders, loaded.lessons)
        fresh = self._show_folder(self._picked_folder(), loaded.lessons)
        self._watch(folders)
        self.sig_reloaded.emit(fresh)

    def _show_problems(self) -> None:
        self.problems_label.setText(PROBLEMS.format(count=len(self.problems)) if self.problems else NO_PROBLEMS)
        self.problems_list.clear()
        for problem in self.problems:
            item = QListWidgetItem(str(problem))
            item.setToolTip(plain_tooltip(str(problem)))
            self.problems_list.addItem(item)
        self.problems_list.setVisible(bool(self.problems))

    def _fill_picker(self, folders: list[Path], lessons: Sequence[Lesson]) -> None:
        """The lessons to pick from, when the folder holds more than one; the pick survives a reload."""
        titles = {Path(lesson.folder): lesson.title for lesson in lessons}
        picked = self._picked_folder()
        self.lesson_picker.blockSignals(True)
        self.lesson_picker.clear()
        for folder in folders:
            item = QListWidgetItem(titles.get(folder, folder.name))
            item.setData(FOLDER_ID, str(folder))
            item.setToolTip(plain_tooltip(str(folder)))
            self.lesson_picker.addItem(item)
            if folder == picked or (picked is None and self.lesson_picker.count() == 1):
                self.lesson_picker.setCurrentItem(item)
        self.lesson_picker.blockSignals(False)
        self.lesson_picker.setVisible(self.root not in folders)

    def _picked_folder(self) -> Path | None:
        item = self.lesson_picker.currentItem()
        return Path(item.data(FOLDER_ID)) if item is not None else self.shown_folder

    def _on_lesson_picked(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:  # another lesson of the last reading: nothing to read again
            self._show_folder(Path(item.data(FOLDER_ID)), self.reading[1].lessons)

    def _show_folder(self, folder: Path | None, lessons: Sequence[Lesson]) -> bool:
        """Show the lesson in `folder`; True when it loaded without problems. A lesson with problems
        keeps the last good view, or, with none yet, is shown as students would get it."""
        lesson = next((lesson for lesson in lessons if Path(lesson.folder) == folder), None)
        self.notice.hide()
        if lesson is not None:
            self._show_lesson(lesson, lessons)
        elif self.shown_good and folder == self.shown_folder:
            self._tell(KEPT)
        elif folder is not None and (spare := _as_students_get_it(folder)) is not None:
            self._show_lesson(spare, lessons)
            self._tell(AS_STUDENTS_GET_IT)
        elif folder is not None:  # not even lesson.yaml reads: only the problems say anything
            self._drop_reader()
            self.setWindowTitle(TITLE.format(title=folder.name))
        self.shown_good = lesson is not None or (self.shown_good and folder == self.shown_folder)
        self.shown_folder = folder
        return lesson is not None

    def _tell(self, message: str) -> None:
        self.notice.setText(message)
        self.notice.show()

    def _show_lesson(self, lesson: Lesson, course: Sequence[Lesson]) -> None:
        """The lesson in the reader, at the same page and scroll position when it is the one shown."""
        self.setWindowTitle(TITLE.format(title=lesson.title))
        reader = self.reader
        if reader is None or reader.lesson.id != lesson.id:
            self._drop_reader()
            self.reader = LessonReader(lesson, _course(lesson, course))
            self.reader.sig_open_lesson_page.connect(self._open_lesson_page)
            self.reader_box.addWidget(self.reader, 1)
            return
        page, scroll = reader.page_index, _scroll_value(reader)
        reader.lesson, reader.course = lesson, _course(lesson, course)
        reader.show_page(min(page, len(lesson.pages) - 1))
        _set_scroll(reader, scroll)
        QTimer.singleShot(0, reader, lambda: _set_scroll(reader, scroll))  # again once the layout has settled

    def _drop_reader(self) -> None:
        if self.reader is not None:
            self.reader.deleteLater()
            self.reader = None

    def _open_lesson_page(self, lesson_id: str, slug: str) -> None:
        """A link to another lesson of this folder: pick it, then its page."""
        for row in range(self.lesson_picker.count()):
            item = self.lesson_picker.item(row)
            if Path(item.data(FOLDER_ID)).name == lesson_id:
                self.lesson_picker.setCurrentItem(item)
                if self.reader is not None:
                    self.reader.show_page_slug(slug)
                return

    def _watch(self, folders: list[Path]) -> None:
        """Watch the folder, each lesson folder and each file in them, afresh: a file replaced by a
        rename is a new file, which the old watch does not follow."""
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        paths = [self.root, *folders]
        paths += [file for folder in folders for file in sorted(folder.iterdir()) if file.is_file()]
        self.watcher.addPaths([str(path) for path in dict.fromkeys(paths) if path.exists()])


def _course(lesson: Lesson, lessons: Sequence[Lesson]) -> tuple[Lesson, ...]:
    """The folder's lessons for links and the timeline, with the one shown among them even if it has problems."""
    course = tuple(lesson if other.id == lesson.id else other for other in lessons)
    return course if any(other is lesson for other in course) else (*course, lesson)


def _as_students_get_it(folder: Path) -> Lesson | None:
    from irtutor.content.lesson_loader import load_lesson

    return load_lesson(folder, spare_parts=True)[0]


def _page_view(reader: LessonReader) -> QAbstractScrollArea | None:
    view = reader.body.currentWidget()
    return view if isinstance(view, QAbstractScrollArea) else None


def _scroll_value(reader: LessonReader) -> int:
    view = _page_view(reader)
    return view.verticalScrollBar().value() if view is not None else 0


def _set_scroll(reader: LessonReader, value: int) -> None:
    view = _page_view(reader)
    if view is not None:
        view.verticalScrollBar().setValue(value)


def preview(root: Path) -> FolderPreview:
    """The preview window on `root`, not yet shown (for a quick look and the screenshot script)."""
    return FolderPreview(root)


def run_preview(root: Path) -> int:
    """`irtutor preview FOLDER`: 0 when the window is closed, 1 when FOLDER holds no lesson."""
    if not lesson_folders([root]):
        print(NOT_A_LESSON.format(folder=root), file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("IR Tutor")
    window = preview(root)
    window.show()
    return app.exec()
