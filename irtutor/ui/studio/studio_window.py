"""The instructor studio: the lesson list, one lesson's editors, problems as you type, and saving
that loses nothing (atomic writes, autosave to a recovery folder, files changed by other programs).

    irtutor author [FOLDER]     # or View -> Author in the student window
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from irtutor.content.exchange.report import ImportResult
from irtutor.content.lesson_template import copy_for_editing, create_lesson, lesson_id_problem, revert_to_shipped
from irtutor.content.recovery import RecoveryFolder
from irtutor.content.summaries import LESSON_FILE
from irtutor.core.errors import SaveFailed
from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem
from irtutor.services.lesson_drafts import LessonDraft
from irtutor.services.studio_catalog import StudioLesson, studio_lessons
from irtutor.ui.local_time import local_clock
from irtutor.ui.studio.import_dialog import ImportDialog
from irtutor.ui.studio.info_bar import InfoBar
from irtutor.ui.studio.lesson_workbench import LessonWorkbench
from irtutor.ui.studio.problems_panel import ProblemsPanel

CHECK_DELAY_MS = 250
"""Problems follow the text this long after the last edit (a check of the largest quiz takes ~25 ms)."""
AUTOSAVE_MS = 5000
"""Unsaved text goes to the recovery folder this often."""
DISK_DELAY_MS = 200
"""Editors save by writing a new file and renaming it; wait for the dust to settle."""
TITLE = "IR Tutor Studio"
SHIPPED_NOTE = ("“{title}” is a shipped lesson: it is read-only, so that an update of IR Tutor can never "
                "overwrite your work. Edit a copy in your own lessons folder; students then see your copy.")
RECOVERED = "Unsaved text of {files} from {when} was kept after IR Tutor stopped. Restore it?"
CHANGED_ON_DISK = "{files} changed on disk while you had unsaved edits in it."
LESSON_ROLE = Qt.ItemDataRole.UserRole + 1


class StudioWindow(QMainWindow):
    sig_saved = Signal(str)
    """Files of the lesson in this folder were saved: the student window shows them without a restart."""

    def __init__(self, editable_roots: list[Path], shipped_root: Path | None, recovery_dir: Path,
                 others: tuple[Lesson, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studio")
        self.editable_roots, self.shipped_root = editable_roots, shipped_root
        self.recovery = RecoveryFolder(recovery_dir)
        self.others = others
        self.draft: LessonDraft | None = None
        self.entry: StudioLesson | None = None
        self.problems: list[Problem] = []
        self._build()
        self._timers()
        self.refresh_lessons()
        self._update_title()
        self.resize(1366, 768)

    # Building --------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.lesson_list = QListWidget()
        self.lesson_list.setObjectName("studio-lessons")
        self.lesson_list.setAccessibleName("Lessons")
        self.lesson_list.setWordWrap(True)
        self.new_button = QPushButton("&New lesson…")
        self.workbench = LessonWorkbench()
        self.info = InfoBar()
        self.shipped_page = QWidget()
        self.shipped_text = QLabel()
        self.shipped_text.setTextFormat(Qt.TextFormat.PlainText)
        self.shipped_text.setWordWrap(True)
        self.copy_button = QPushButton("&Edit a copy")
        shipped = QVBoxLayout(self.shipped_page)
        shipped.addWidget(self.shipped_text)
        shipped.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        shipped.addStretch(1)
        self.empty_page = QLabel("Choose a lesson on the left, or make a new one (Ctrl+N).")
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.centre = QStackedWidget()
        for page in (self.empty_page, self.shipped_page, self.workbench):
            self.centre.addWidget(page)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.info)
        column.addWidget(self.centre, 1)
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.lesson_list, 1)
        side.addWidget(self.new_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 1120])
        self.setCentralWidget(splitter)
        self.problems_panel = ProblemsPanel()
        dock = QDockWidget("Problems", self)
        dock.setObjectName("problems-dock")
        dock.setWidget(self.problems_panel)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [130], Qt.Orientation.Vertical)
        self._menus()
        self.lesson_list.currentItemChanged.connect(self._lesson_chosen)
        self.new_button.clicked.connect(self.ask_new_lesson)
        self.copy_button.clicked.connect(self.edit_copy)
        self.workbench.sig_changed.connect(self._edited)
        self.problems_panel.sig_jump.connect(self.workbench.go_to)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.save_action = self._action(file_menu, "&Save", QKeySequence.StandardKey.Save, self.save)
        self._action(file_menu, "&New lesson…", QKeySequence.StandardKey.New, self.ask_new_lesson)
        self.revert_action = self._action(file_menu, "&Revert to the shipped version…", None, self.ask_revert)
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, "&Import questions…", QKeySequence("Ctrl+I"), self.ask_import)
        self.export_action = self._action(file_menu, "E&xport quiz…", QKeySequence("Ctrl+E"), self.ask_export)
        file_menu.addSeparator()
        self._action(file_menu, "&Close", QKeySequence.StandardKey.Close, self.close)

    def _action(self, menu: object, text: str, keys: object, slot: object) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _timers(self) -> None:
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check_now)
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.watcher = QFileSystemWatcher(self)
        self.disk_timer = QTimer(self, singleShot=True, interval=DISK_DELAY_MS)
        self.disk_timer.timeout.connect(self.check_disk)
        self.watcher.fileChanged.connect(lambda _path: self.disk_timer.start())
        self.watcher.directoryChanged.connect(lambda _path: self.disk_timer.start())

    # The lesson list ---------------------------------------------------------------------------------

    def refresh_lessons(self, select: Path | None = None) -> None:
        self.lesson_list.blockSignals(True)
        self.lesson_list.clear()
        for entry in studio_lessons(self.editable_roots, self.shipped_root):
            item = QListWidgetItem(entry.label)
            item.setData(LESSON_ROLE, entry)
            item.setToolTip(str(entry.folder))
            self.lesson_list.addItem(item)
            if select is not None and entry.folder == select:
                self.lesson_list.setCurrentItem(item)
        self.lesson_list.blockSignals(False)

    def lesson_entries(self) -> list[StudioLesson]:
        return [self.lesson_list.item(i).data(LESSON_ROLE) for i in range(self.lesson_list.count())]

    def select_lesson(self, folder: Path) -> bool:
        """Open the lesson in `folder` as if clicked; False if it is not listed or the switch was cancelled."""
        for i in range(self.lesson_list.count()):
            if self.lesson_list.item(i).data(LESSON_ROLE).folder == folder:
                self.lesson_list.setCurrentRow(i)
                return self.entry is not None and self.entry.folder == folder
        return False

    def _lesson_chosen(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        entry: StudioLesson | None = item.data(LESSON_ROLE) if item is not None else None
        if entry is None or (self.entry is not None and entry.folder == self.entry.folder):
            return
        if not self.may_leave_lesson():
            self.lesson_list.blockSignals(True)
            self.lesson_list.setCurrentItem(previous)
            self.lesson_list.blockSignals(False)
            return
        self.open_entry(entry)

    def open_entry(self, entry: StudioLesson) -> None:
        self.info.hide()
        self.entry = entry
        self._unwatch()
        if not entry.editable:
            self.draft = None
            self.shipped_text.setText(SHIPPED_NOTE.format(title=entry.title))
            self.centre.setCurrentWidget(self.shipped_page)
            self.problems_panel.set_problems([], entry.folder)
            self._update_title()
            return
        self.draft = LessonDraft(entry.folder)
        self.workbench.open_draft(self.draft)
        self.centre.setCurrentWidget(self.workbench)
        self._watch()
        self.offer_recovery()
        self.check_now()
        self._update_title()

    # New, copy, revert -----------------------------------------------------------------------------

    def own_root(self) -> Path:
        """Where new lessons and copies go: the first folder given, or the folder holding it when it is
        a lesson itself (`irtutor author lessons/my-lesson`)."""
        root = self.editable_roots[0]
        return root.parent if (root / LESSON_FILE).is_file() else root

    def ask_new_lesson(self) -> None:
        title, ok = QInputDialog.getText(self, "New lesson", "Title of the new lesson:")
        if not ok or not title.strip():
            return
        suggested = "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())[:40]
        lesson_id, ok = QInputDialog.getText(self, "New lesson", "Folder name (its id: lowercase, digits, "
                                             "hyphens):", text=suggested)
        if ok:
            self.new_lesson(lesson_id.strip(), title.strip())

    def new_lesson(self, lesson_id: str, title: str) -> Path | None:
        taken = {entry.lesson_id for entry in self.lesson_entries()}
        why = lesson_id_problem(lesson_id, taken)
        if why:
            QMessageBox.warning(self, "New lesson", why)
            return None
        if not self.may_leave_lesson():
            return None
        try:
            folder = create_lesson(self.own_root(), lesson_id, title)
        except (SaveFailed, ValueError) as exc:
            QMessageBox.warning(self, "New lesson", str(exc))
            return None
        self.entry = None
        self.refresh_lessons()
        self.select_lesson(folder)
        return folder

    def edit_copy(self) -> Path | None:
        """Copy the shipped lesson on show into the instructor's folder and open the copy."""
        if self.entry is None or self.entry.editable:
            return None
        try:
            copy = copy_for_editing(self.entry.folder, self.own_root())
        except SaveFailed as exc:
            QMessageBox.warning(self, "Edit a copy", str(exc))
            return None
        self.entry = None
        self.refresh_lessons()
        self.select_lesson(copy)
        return copy

    def ask_revert(self) -> None:
        entry = self.entry
        if entry is None or entry.shipped_twin is None:
            QMessageBox.information(self, "Revert", "Only your copy of a shipped lesson can be reverted.")
            return
        answer = QMessageBox.question(self, "Revert to the shipped version",
                                      f"Put your copy of “{entry.title}” aside (in .trash beside it) and show "
                                      "the shipped lesson again?")
        if answer == QMessageBox.StandardButton.Yes:
            self.revert()

    def revert(self) -> Path | None:
        entry = self.entry
        if entry is None or entry.shipped_twin is None:
            return None
        self._unwatch()
        try:
            kept = revert_to_shipped(entry.folder, entry.shipped_twin)
        except SaveFailed as exc:
            QMessageBox.warning(self, "Revert", str(exc))
            return None
        for name in (self.draft.files if self.draft else {}):
            self.recovery.discard(entry.folder / name)
        self.draft, self.entry = None, None
        self.refresh_lessons()
        self.select_lesson(entry.shipped_twin)
        self.sig_saved.emit(str(entry.folder))
        return kept

    # Editing, checking, saving -------------------------------------------------------------------------

    def _edited(self, _name: str) -> None:
        self.check_timer.start()
        self._update_title()

    def check_now(self) -> None:
        if self.draft is None:
            return
        self.problems = self.draft.problems(self.others)
        self.problems_panel.set_problems(self.problems, self.draft.folder)
        self.workbench.show_problems(self.problems)
        self.workbench.refresh_lesson()

    def save(self) -> bool:
        """Write every changed file of the lesson; a failure says which file and why and keeps the edits."""
        if self.draft is None:
            return True
        self.workbench.flush()
        try:
            written = self.draft.save()
        except SaveFailed as exc:
            QMessageBox.warning(self, "Not saved", f"{exc}\n\nYour edits are still here; nothing was lost.")
            self._update_title()
            return False
        for name in written:
            self.recovery.discard(self.draft.folder / name)
        self.workbench.mark_saved()
        self._watch()
        self._update_title()
        self.statusBar().showMessage(f"Saved {', '.join(written)}" if written else "Nothing to save", 4000)
        if written:
            self.sig_saved.emit(str(self.draft.folder))
        return True

    def autosave(self) -> None:
        """Unsaved text into the recovery folder, so a crash or a power cut costs a few seconds at most."""
        if self.draft is None:
            return
        self.workbench.flush()
        for name, text in self.draft.unsaved().items():
            try:
                self.recovery.save(self.draft.folder / name, text)
            except SaveFailed as exc:
                self.statusBar().showMessage(f"Could not keep a recovery copy: {exc}", 10000)
                return

    def offer_recovery(self) -> None:
        if self.draft is None:
            return
        folder = self.draft.folder.resolve()
        found = [entry for entry in self.recovery.pending() if entry.original.resolve().parent == folder]
        if not found:
            return
        names = ", ".join(entry.original.name for entry in found)
        when = local_clock(max(entry.saved_at for entry in found))

        def restore() -> None:
            assert self.draft is not None
            for entry in found:
                self.draft.restore(entry.original.name, entry.text)
            self.workbench.reopen({entry.original.name for entry in found})
            self._edited("")

        def discard() -> None:
            for entry in found:
                self.recovery.discard(entry.original)

        self.info.show_choice(RECOVERED.format(files=names, when=when), [("&Restore", restore), ("&Discard", discard)])

    # Question banks ------------------------------------------------------------------------------------

    def ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import questions", "",
                                              "Question banks (*.gift *.txt *.xml);;All files (*)")
        if name:
            self.import_bank(Path(name))

    def import_bank(self, path: Path) -> ImportDialog | None:
        """Read a GIFT or Moodle XML file and show what it holds; Add puts it into this lesson's draft."""
        if self.draft is None:
            return None
        from irtutor.content.exchange.report import ImportRefused
        from irtutor.services.question_bank import read_bank
        from irtutor.ui.studio.import_dialog import ImportDialog

        try:
            fmt, result = read_bank(path)
        except ImportRefused as exc:
            QMessageBox.warning(self, "Import questions", str(exc))
            return None
        lesson = self.workbench.lesson
        pages = tuple(Path(name).stem for name in self.draft.page_names)
        sources = tuple(s.id for s in lesson.sources) if lesson is not None else ()
        dialog = ImportDialog(path, fmt, result, pages, sources, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.add_imported(result))
        dialog.open()
        self.import_dialog = dialog
        return dialog

    def add_imported(self, result: ImportResult) -> None:
        """The confirmed import: questions after the lesson's own (unsaved until Ctrl+S, undoable by closing
        without saving); images into media/ at once, since the questions need them to show."""
        if self.draft is None:
            return
        from irtutor.services.question_bank import MEDIA, write_media

        try:
            written = write_media(result.media, self.draft.folder / MEDIA)
        except SaveFailed as exc:
            QMessageBox.warning(self, "Import questions", f"Nothing was added: {exc}")
            return
        added = self.workbench.add_imported(result)
        self._edited("")
        self.check_now()
        extra = f"; images in media/: {', '.join(written)}" if written else ""
        self.statusBar().showMessage(f"Added {added} question(s) after the lesson's own{extra}. "
                                     "Save with Ctrl+S.", 8000)

    def ask_export(self) -> None:
        if self.entry is None:
            return
        name, chosen = QFileDialog.getSaveFileName(self, "Export quiz", f"{self.entry.lesson_id}.xml",
                                                   "Moodle XML (*.xml);;GIFT (*.gift *.txt)")
        if name:
            self.export_quiz(Path(name), "gift" if "GIFT" in chosen or name.endswith((".gift", ".txt"))
                             else "moodle-xml")

    def export_quiz(self, path: Path, fmt: str) -> list[str] | None:
        """Write the saved lesson's quiz to `path`; unsaved edits are not in it, and the message says so."""
        if self.entry is None:
            return None
        from irtutor.services.question_bank import export_lesson

        try:
            notes = export_lesson(self.entry.folder, fmt, path)
        except SaveFailed as exc:
            QMessageBox.warning(self, "Export quiz", str(exc))
            return None
        unsaved = " (your unsaved edits are not in it: save first to include them)" \
            if self.draft is not None and self.draft.modified else ""
        self.statusBar().showMessage(f"Wrote {path.name}{unsaved}" + (f"; {len(notes)} note(s)" if notes else ""),
                                     8000)
        if notes:
            QMessageBox.information(self, "Export quiz", "Exported in a nearer form:\n\n" + "\n".join(notes))
        return notes

    # Other programs ------------------------------------------------------------------------------------

    def _watch(self) -> None:
        if self.draft is None:
            return
        self._unwatch()
        paths = [str(self.draft.folder)] + [str(f.path) for f in self.draft.files.values() if f.path.exists()]
        self.watcher.addPaths(paths)

    def _unwatch(self) -> None:
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)

    def check_disk(self) -> None:
        """Files another program changed: taken at once when unedited here; else the instructor chooses."""
        if self.draft is None:
            return
        changed = self.draft.changed_on_disk()
        self._watch()  # an editor's save by rename replaces the file the watcher followed
        if not changed:
            return
        quiet = [name for name in changed if not self.draft.files[name].modified]
        edited = [name for name in changed if name not in quiet]
        for name in quiet:
            self.draft.reload(name)
        if quiet:
            self.workbench.reopen(set(quiet))
            self.statusBar().showMessage(f"Reloaded {', '.join(quiet)}: changed by another program", 6000)
            self.check_timer.start()
        if edited:
            def theirs() -> None:
                assert self.draft is not None
                for name in edited:
                    self.draft.reload(name)
                self.workbench.reopen(set(edited))
                self._edited("")

            def mine() -> None:
                assert self.draft is not None
                for name in edited:
                    self.draft.keep_mine(name)
                self._update_title()

            self.info.show_choice(CHANGED_ON_DISK.format(files=", ".join(edited)),
                                  [("&Reload from disk (drop my edits)", theirs), ("&Keep my edits", mine)])

    # Leaving -----------------------------------------------------------------------------------------

    def may_leave_lesson(self) -> bool:
        """True when nothing is unsaved, or the instructor saved or discarded it."""
        if self.draft is None:
            return True
        self.workbench.flush()
        if not self.draft.modified:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", f"Save the changes to {', '.join(self.draft.unsaved())}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_unsaved()
            return True
        return False

    def discard_unsaved(self) -> None:
        """Drop the edits and their recovery copies (the instructor chose Discard)."""
        if self.draft is None:
            return
        for name in self.draft.unsaved():
            self.recovery.discard(self.draft.folder / name)
        self.draft = None
        self.entry = None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_leave_lesson():
            self.autosave_timer.stop()
            event.accept()
        else:
            event.ignore()

    def _update_title(self) -> None:
        modified = self.draft is not None and self.draft.modified
        name = self.entry.title if self.entry is not None else ""
        self.setWindowTitle(f"{name}[*] — {TITLE}" if name else TITLE)
        self.setWindowModified(modified)
        self.save_action.setEnabled(self.draft is not None)
        self.import_action.setEnabled(self.draft is not None)
        self.export_action.setEnabled(self.entry is not None)
        self.revert_action.setEnabled(self.entry is not None and self.entry.shipped_twin is not None)


def run_studio(folder: Path | None = None) -> int:
    """`irtutor author [FOLDER]`: the studio on FOLDER (a lesson or a folder of lessons), else on the
    instructor's own lessons folder, with the shipped lessons listed to copy."""
    from irtutor.paths import builtin_lessons_dir, instructor_lessons_dir, recovery_dir

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("IR Tutor Studio")
    own = instructor_lessons_dir()
    roots = [folder] if folder is not None else [own]
    window = StudioWindow(roots, builtin_lessons_dir(), recovery_dir())
    window.show()
    return app.exec()
