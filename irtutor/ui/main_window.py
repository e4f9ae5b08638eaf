"""The main window: lessons on the left, the open lesson on the right, a status bar below."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFocusEvent, QGuiApplication, QKeySequence, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from irtutor.core.summary import LessonSummary
from irtutor.paths import builtin_lessons_dir
from irtutor.qtkit.plain_text import plain_tooltip
from irtutor.ui import messages
from irtutor.ui.ops import Change, Operations
from irtutor.ui.settings import WindowSettings
from irtutor.ui.theme import Theme, apply_theme, theme_menu

if TYPE_CHECKING:
    from irtutor.core.attempts import Profile
    from irtutor.core.lesson import Lesson
    from irtutor.core.progress import ItemStatistics
    from irtutor.services.library import Library
    from irtutor.services.progress import Dashboard
    from irtutor.services.review_session import ReviewSession
    from irtutor.services.workspace import Workspace
    from irtutor.ui.lesson_view import LessonView

LESSON_ID = Qt.ItemDataRole.UserRole
DUE_REFRESH_MS = 60_000
"""How often the due-for-review count is read again: cards fall due while the window stays open."""
MY_LESSON = "✎ {title}"
MY_COPY = "✎ {title} (my copy)"
MY_LESSON_TIP = "Your lesson, from {folder}"
MY_COPY_TIP = "Your copy of a shipped lesson, shown instead of it; from {folder}"
ListRow = tuple[str, str, str]
"""A lesson list row: lesson id, text, tooltip."""


def _list_row(lesson_id: str, title: str, summary: str, folder: str, mine: bool, copy: bool) -> ListRow:
    """The instructor's lessons are marked, and their tooltip says which folder they come from."""
    if not mine:
        return lesson_id, title, plain_tooltip(summary)
    text, tip = (MY_COPY, MY_COPY_TIP) if copy else (MY_LESSON, MY_LESSON_TIP)
    return lesson_id, text.format(title=title), plain_tooltip(f"{summary}\n\n{tip.format(folder=folder)}".strip())


def _summary_row(summary: LessonSummary, shipped: Path) -> ListRow:
    # Before the full load: a lesson's id is its folder's name, so a copy sits where the shipped one is named.
    mine = not Path(summary.folder).resolve().is_relative_to(shipped)
    copy = mine and (shipped / Path(summary.folder).name / "lesson.yaml").is_file()
    return _list_row(summary.id, summary.title, summary.summary, summary.folder, mine, copy)


def _lesson_row(lesson: Lesson) -> ListRow:
    return _list_row(lesson.id, lesson.title, lesson.summary, lesson.folder, lesson.editable, lesson.overrides_shipped)


class LessonList(QListWidget):
    """The lesson list, which opens a lesson only when the student picks one.

    A list view makes its first row current when it first gets the focus; here that must not
    open the first lesson, or the welcome page would never be seen (and the first page's
    figures would load before anyone asked for them).
    """

    def focusInEvent(self, event: QFocusEvent) -> None:
        blocked = self.signalsBlocked()
        self.blockSignals(True)
        try:
            super().focusInEvent(event)
        finally:
            self.blockSignals(blocked)


class MainWindow(QMainWindow):
    def __init__(self, summaries: list[LessonSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(messages.APP_NAME)
        self.resize(1180, 760)
        self.ops = Operations(self)
        self.settings = WindowSettings()
        self.due_timer = QTimer(self)
        self.due_timer.setInterval(DUE_REFRESH_MS)
        self.workspace: Workspace | None = None
        self.library: Library | None = None
        self.pending_lesson: str | None = None
        self.instance_lock: QLockFile | None = None
        self.profile: Profile | None = None
        self.lesson_view: LessonView | None = None
        self.profile_dialog: QDialog | None = None
        self.dashboard: QDialog | None = None
        self.studio: QWidget | None = None
        self.review_view: QDialog | None = None
        self.lesson_list = LessonList()
        self.lesson_list.setObjectName("lesson-list")
        self.lesson_list.setAccessibleName("Lessons")
        self.lesson_list.setWordWrap(True)
        self.lesson_list.setSpacing(3)
        self.welcome = QLabel(messages.WELCOME)
        self.welcome.setWordWrap(True)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.welcome.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.problems_button = QPushButton()
        self.problems_button.setFlat(True)
        self.problems_button.setVisible(False)
        self.review_button = QPushButton()
        self.review_button.setFlat(True)
        self.review_button.setVisible(False)
        self.student_button = QPushButton(messages.NO_STUDENT)
        self.student_button.setFlat(True)
        self.student_button.setEnabled(False)
        self._build_layout()
        self._build_menus()
        self._restore_layout()
        shipped = builtin_lessons_dir().resolve()
        self._fill_lessons([_summary_row(s, shipped) for s in summaries])
        self.statusBar().showMessage(messages.LOADING_LESSONS)
        self._connect()

    def _build_layout(self) -> None:
        self.splitter = splitter = QSplitter()
        splitter.setObjectName("main-splitter")
        splitter.addWidget(self.lesson_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 920])
        self.setCentralWidget(splitter)
        self.statusBar().addPermanentWidget(self.problems_button)
        self.statusBar().addPermanentWidget(self.review_button)
        self.statusBar().addPermanentWidget(self.student_button)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.restore_action = file_menu.addAction(messages.RESTORE_BACKUP_MENU, self.show_backups)
        self.check_database_action = file_menu.addAction(messages.CHECK_DATABASE_MENU, self.check_database)
        for action in (self.restore_action, self.check_database_action):
            action.setEnabled(False)
        file_menu.addSeparator()
        file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, self.close)
        view_menu = self.menuBar().addMenu("&View")
        self.progress_action = view_menu.addAction(messages.PROGRESS_MENU, QKeySequence("Ctrl+Shift+P"),
                                                   self.show_progress)
        self.review_action = view_menu.addAction(messages.REVIEW_MENU, QKeySequence("Ctrl+R"), self.show_review)
        self.glossary_action = view_menu.addAction(messages.GLOSSARY_MENU, QKeySequence("Ctrl+G"), self.show_glossary)
        self.glossary_action.setEnabled(False)
        self.studio_action = view_menu.addAction(messages.STUDIO_MENU, QKeySequence("Ctrl+Shift+A"), self.show_studio)
        view_menu.addSeparator()
        larger = view_menu.addAction(messages.LARGER_TEXT_MENU, QKeySequence("Ctrl+="), lambda: self.step_text(1))
        QShortcut(QKeySequence("Ctrl++"), self, lambda: self.step_text(1))  # the same key, shifted or on the keypad
        view_menu.addAction(messages.SMALLER_TEXT_MENU, QKeySequence("Ctrl+-"), lambda: self.step_text(-1))
        view_menu.addAction(messages.STANDARD_TEXT_MENU, QKeySequence("Ctrl+0"), lambda: self.step_text(None))
        larger.setObjectName("larger-text")
        self.theme_actions = theme_menu(view_menu.addMenu(messages.THEME_MENU), self.settings.theme(), self.set_theme)
        help_menu = self.menuBar().addMenu(messages.HELP_MENU)
        self.shortcuts_action = help_menu.addAction(messages.SHORTCUTS_MENU, QKeySequence("F1"), self.show_shortcuts)
        self.about_action = help_menu.addAction(messages.ABOUT_MENU, self.show_about)
        for action in (self.progress_action, self.review_action):
            action.setEnabled(False)

    def _connect(self) -> None:
        self.lesson_list.currentItemChanged.connect(self._on_lesson_selected)
        self.lesson_list.itemActivated.connect(self._enter_lesson)
        self.lesson_list.itemClicked.connect(self._on_lesson_selected)
        self.problems_button.clicked.connect(self.show_problems)
        self.student_button.clicked.connect(self.choose_profile)
        self.review_button.clicked.connect(self.show_review)
        self.ops.sig_failed.connect(lambda message: self.statusBar().showMessage(message))
        self.ops.sig_busy.connect(self._show_busy)
        self.ops.sig_changed.connect(self._on_changed)
        self.due_timer.timeout.connect(self._refresh_due_when_idle)
        app = QApplication.instance()
        if app is not None:  # Ctrl+wheel anywhere in the lesson sizes the text as Ctrl+= does
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and isinstance(watched, QWidget) and self.stack.isAncestorOf(watched)):
            delta = event.angleDelta().y()
            if delta:
                self.step_text(1 if delta > 0 else -1)
            return True
        return super().eventFilter(watched, event)

    def _fill_lessons(self, rows: list[ListRow]) -> None:
        current = self.lesson_list.currentItem()
        keep = current.data(LESSON_ID) if current else None
        self.lesson_list.blockSignals(True)
        self.lesson_list.clear()
        for lesson_id, text, tooltip in rows:
            item = QListWidgetItem(text)
            item.setData(LESSON_ID, lesson_id)
            item.setToolTip(tooltip)
            self.lesson_list.addItem(item)
            if lesson_id == keep:
                self.lesson_list.setCurrentItem(item)
        self.lesson_list.blockSignals(False)

    # --- start-up, after the first paint

    def attach_library(self, library: Library) -> None:
        """Take the loaded lessons: they can be read at once, before the database is open."""
        if self.library is library:
            return
        self.library = library
        self._fill_lessons([_lesson_row(lesson) for lesson in library.lessons])
        if self.lesson_view is None and self.pending_lesson is not None:
            self.open_lesson(self.pending_lesson)  # the student chose it while the lessons were loading
        count = len(library.problems)
        self.problems_button.setText(messages.problems_button(count))
        self.problems_button.setVisible(count > 0)
        self.glossary_action.setEnabled(True)
        self.statusBar().showMessage(messages.lessons_loaded(len(library.lessons)), 5000)

    def attach(self, workspace: Workspace) -> None:
        """Take the lessons and the database; ask who is studying if nobody is remembered."""
        self.attach_library(workspace.library)
        self.workspace = workspace
        self._start_quiz(self.lesson_view)
        profiles = workspace.profiles
        if profiles is None:
            self._warn(messages.STORAGE_FAILED_TITLE, messages.STORAGE_FAILED.format(error=workspace.storage_error))
            return
        self.student_button.setEnabled(True)
        has_backups = workspace.backups is not None
        self.restore_action.setEnabled(has_backups)
        self.check_database_action.setEnabled(has_backups)
        if workspace.backup_error:
            self.statusBar().showMessage(workspace.backup_error, 10000)
        self.ops.read(self, profiles.remembered, on_done=self._on_remembered, on_failed=self.choose_profile)

    def _on_remembered(self, profile: Profile | None) -> None:
        if profile is not None:
            self.set_profile(profile)
        else:
            self.choose_profile()

    # --- user actions

    def choose_profile(self) -> None:
        from irtutor.ui.profile_dialog import ProfileDialog

        profiles = self.workspace.profiles if self.workspace else None
        if profiles is None:
            return
        self.profile_dialog = ProfileDialog(profiles, self.ops, self)
        self.profile_dialog.sig_profile_chosen.connect(self._on_profile_chosen)
        self.profile_dialog.sig_profile_renamed.connect(self._on_profile_renamed)
        self.profile_dialog.sig_profile_removed.connect(self._on_profile_removed)
        self.profile_dialog.open()

    def _on_profile_chosen(self, profile: Profile) -> None:
        profiles = self.workspace.profiles if self.workspace else None
        if profiles is not None:
            self.ops.write(self, partial(profiles.remember, profile), changes=Change.PROFILES)
        self.set_profile(profile)

    def _on_profile_renamed(self, profile: Profile) -> None:
        if self.profile is not None and self.profile.id == profile.id:
            self.profile = profile
            self.student_button.setText(messages.STUDENT_BUTTON.format(name=profile.name))

    def _on_profile_removed(self, profile: Profile) -> None:
        """The student on screen was removed: nobody is studying until someone is chosen."""
        if self.profile is None or self.profile.id != profile.id:
            return
        self.profile = None
        self.student_button.setText(messages.NO_STUDENT)
        for action in (self.progress_action, self.review_action):
            action.setEnabled(False)
        self.review_button.setVisible(False)
        self.due_timer.stop()
        self._start_quiz(self.lesson_view)

    def set_profile(self, profile: Profile) -> None:
        self.profile = profile
        self.student_button.setText(messages.STUDENT_BUTTON.format(name=profile.name))
        self.progress_action.setEnabled(True)
        self.review_action.setEnabled(True)
        self.refresh_due_count()
        self.due_timer.start()
        if self.lesson_view is not None:
            self._start_quiz(self.lesson_view)
        else:
            self._open_remembered_place()

    def show_backups(self) -> None:
        """File > Restore backup: the daily copies, newest first; restoring asks first."""
        from irtutor.ui.backup_dialog import BackupDialog

        backups = self.workspace.backups if self.workspace else None
        if backups is None:
            return
        self.backup_dialog = BackupDialog(backups, self)
        self.backup_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.backup_dialog.sig_restored.connect(self._after_restore)
        self.backup_dialog.open()

    def _after_restore(self, _backup: object) -> None:
        # The open quiz may belong to an attempt the restored file never had: start it afresh.
        self._start_quiz(self.lesson_view)
        self.ops.sig_changed.emit(Change.ANSWERS | Change.ATTEMPT | Change.PROFILES)

    def check_database(self) -> None:
        from irtutor.ui.backup_dialog import show_check

        backups = self.workspace.backups if self.workspace else None
        if backups is not None:
            show_check(backups, self)

    def start_failed(self, error: str) -> None:
        """Start-up hit a fault nobody foresaw: say so, and keep what is already on screen."""
        self.statusBar().showMessage(messages.START_FAILED_STATUS)
        self._warn(messages.START_FAILED_TITLE, messages.START_FAILED.format(error=error))

    def warn_if_open_elsewhere(self) -> None:
        """A second copy on the same data folder saves safely, but two windows confuse a student."""
        from irtutor.paths import data_dir

        folder = data_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # the database step will say what is wrong with the folder
        self.instance_lock = QLockFile(str(folder / "irtutor.lock"))
        self.instance_lock.setStaleLockTime(0)  # held for the whole run; a dead holder is detected by its pid
        if not self.instance_lock.tryLock(0):
            self.instance_lock = None
            self.already_open = QMessageBox(QMessageBox.Icon.Information, messages.ALREADY_OPEN_TITLE,
                                            messages.ALREADY_OPEN, QMessageBox.StandardButton.Ok, self)
            self.already_open.setObjectName("already-open")
            self.already_open.setTextFormat(Qt.TextFormat.PlainText)
            self.already_open.open()

    def _restore_layout(self) -> None:
        geometry, sizes = self.settings.state("window"), self.settings.state("main-splitter")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if sizes is not None:
            self.splitter.restoreState(sizes)
        self._apply_text_size(self.settings.text_step())
        apply_theme(self.settings.theme())
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._follow_system)

    def _save_layout(self) -> None:
        self.settings.set_state("window", self.saveGeometry())
        self.settings.set_state("main-splitter", self.splitter.saveState())
        if self.lesson_view is not None:
            self.settings.set_state("reader-splitter", self.lesson_view.reader.splitter.saveState())
        self.settings.sync()

    def step_text(self, step: int | None) -> None:
        """Ctrl+= and Ctrl+- make the lesson, its side panel and the quiz larger or smaller; Ctrl+0 resets."""
        now = 0 if step is None else self.settings.text_step() + step
        self._apply_text_size(self.settings.set_text_step(now))
        self.statusBar().showMessage(messages.TEXT_SIZE_STATUS.format(percent=100 + 10 * self.text_step), 2000)

    def _apply_text_size(self, step: int) -> None:
        self.text_step = step
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * (1 + step / 10))
        self.stack.setFont(font)  # the reading, its side panel and the quiz inherit it
        self.lesson_list.setFont(font)

    def set_theme(self, theme: Theme) -> None:
        """View -> Theme: light, dark or the desktop's, at once and from now on."""
        self.settings.set_theme(theme)
        self.theme_actions[theme].setChecked(True)
        apply_theme(theme)

    def _follow_system(self) -> None:
        """The desktop switched between light and dark: follow it if the theme says so."""
        apply_theme(self.settings.theme())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        self.ops.shutdown()  # an answer still being saved is saved before the window goes
        if self.instance_lock is not None:
            self.instance_lock.unlock()
            self.instance_lock = None
        super().closeEvent(event)

    def open_lesson(self, lesson_id: str) -> LessonView | None:
        lesson = self.library.lesson(lesson_id) if self.library else None
        if lesson is None:
            self.statusBar().showMessage(messages.LOADING_LESSONS, 3000)
            return None
        from irtutor.ui.lesson_view import LessonView  # Markdown and quiz widgets load on first use

        if self.lesson_view is not None:
            self.settings.set_state("reader-splitter", self.lesson_view.reader.splitter.saveState())
            self.stack.removeWidget(self.lesson_view)
            self.lesson_view.deleteLater()
        self.lesson_view = LessonView(lesson, self.ops, self.library.lessons if self.library else ())
        self.lesson_view.sig_open_lesson_page.connect(self._open_lesson_page)
        reader = self.lesson_view.reader
        sizes = self.settings.state("reader-splitter")
        if sizes is not None:
            reader.splitter.restoreState(sizes)
        reader.sig_page_changed.connect(partial(self._remember_place, lesson_id))
        self._remember_place(lesson_id, 0)
        self.stack.addWidget(self.lesson_view)
        self.stack.setCurrentWidget(self.lesson_view)
        self._highlight_in_list(lesson_id)
        self._start_quiz(self.lesson_view)
        self.lesson_view.reader.focus_page()
        return self.lesson_view

    def _remember_place(self, lesson_id: str, page: int) -> None:
        if self.profile is not None:
            self.settings.set_place(self.profile.id, lesson_id, page)

    def _open_remembered_place(self) -> None:
        """Where this student left off, once the student is known: the welcome page until then."""
        place = self.settings.place(self.profile.id) if self.profile is not None else None
        if place is None or self.library is None or self.lesson_view is not None:
            return
        view = self.open_lesson(place[0])
        if view is not None:
            view.reader.show_page(place[1])

    def show_shortcuts(self) -> None:
        from irtutor.ui.shortcuts_dialog import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog.open()

    def _highlight_in_list(self, lesson_id: str) -> None:
        """The list follows a lesson opened by a link (glossary, dashboard, review, another page)."""
        for row in range(self.lesson_list.count()):
            item = self.lesson_list.item(row)
            if item.data(LESSON_ID) == lesson_id and self.lesson_list.currentItem() is not item:
                self.lesson_list.blockSignals(True)
                self.lesson_list.setCurrentItem(item)
                self.lesson_list.blockSignals(False)

    def _start_quiz(self, view: LessonView | None) -> None:
        """Bind the lesson's quiz tab to the current student, or say why it cannot be taken."""
        workspace = self.workspace
        if view is None:
            return
        if workspace is None:
            view.quiz.set_actions(None, messages.QUIZ_WAITS_FOR_DATABASE)
        elif workspace.store is None:
            view.quiz.set_actions(None, messages.QUIZ_NEEDS_DATABASE)
        elif self.profile is None:
            view.quiz.set_actions(None, messages.QUIZ_NEEDS_STUDENT)
        else:
            from irtutor.ui.quiz_view import QuizActions

            lesson, profile = view.lesson, self.profile
            view.quiz.set_actions(QuizActions(
                resume=partial(workspace.resume_quiz, lesson, profile),
                start=partial(workspace.start_quiz, lesson, profile),
                history=partial(workspace.attempt_history, lesson, profile),
                records=partial(workspace.practice_records, lesson, profile),
            ))

    def show_progress(self) -> None:
        """The dashboard for the current student, with the item statistics of this database."""
        workspace, profile = self.workspace, self.profile
        if workspace is None or workspace.store is None or profile is None:
            return

        def figures() -> tuple[Dashboard, list[ItemStatistics]]:
            report = workspace.progress()
            return report.dashboard(profile), report.item_statistics()

        self.ops.read(self, figures, on_done=self._open_dashboard, disable=[self.progress_action])

    def _open_dashboard(self, figures: tuple[Dashboard, list[ItemStatistics]]) -> None:
        from irtutor.ui.dashboard import DashboardWindow  # pyqtgraph loads here, on first use

        dashboard, items = figures
        self.dashboard = DashboardWindow(dashboard, items, self.library.lessons if self.library else [], self)
        self.dashboard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dashboard.sig_open_page.connect(self._open_lesson_page)
        self.dashboard.show()

    def show_glossary(self) -> None:
        """Every key term of the course, searchable, each with the pages that teach it."""
        from irtutor.services.glossary import build_glossary
        from irtutor.ui.glossary_view import GlossaryView

        if self.library is None:
            return
        self.glossary = GlossaryView(build_glossary(self.library.lessons), self)
        self.glossary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.glossary.sig_open_page.connect(self._open_lesson_page)
        self.glossary.show()

    def _open_lesson_page(self, lesson_id: str, page: str) -> None:
        view = self.open_lesson(lesson_id)
        if view is not None:
            view.open_page(page)

    def show_studio(self) -> None:
        """View -> Author: the studio on the instructor's lessons and any other folder given, with the shipped
        lessons listed to copy; a save there shows here at once."""
        if self.studio is not None:
            self.studio.show()
            self.studio.raise_()
            self.studio.activateWindow()
            return
        from irtutor.paths import instructor_lessons_dir, recovery_dir
        from irtutor.ui.studio.studio_window import StudioWindow

        shipped = builtin_lessons_dir().resolve()
        roots = self.library.roots if self.library is not None else []
        others = [root for root in roots if root.resolve() != shipped and root.resolve() != instructor_lessons_dir()]
        lessons = tuple(self.library.lessons) if self.library is not None else ()
        self.studio = StudioWindow([instructor_lessons_dir(), *others], builtin_lessons_dir(), recovery_dir(), lessons)
        self.studio.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.studio.destroyed.connect(lambda: setattr(self, "studio", None))
        self.studio.sig_saved.connect(self.lesson_saved)
        self.studio.show()

    def lesson_saved(self, folder: str) -> None:
        """The studio saved the lesson in `folder`: read the lessons again (unchanged folders come from the
        cache) and show the new text where a student has that lesson open, on the same page."""
        library = self.library
        if library is None:
            return
        view = self.lesson_view
        showing = view.lesson.id if view is not None else None
        page = view.reader.page_index if view is not None else 0

        def shown(_: object) -> None:
            self._fill_lessons([_lesson_row(lesson) for lesson in library.lessons])
            if showing is not None and library.lesson(showing) is not None:
                reopened = self.open_lesson(showing)
                if reopened is not None:
                    reopened.reader.show_page(min(page, len(reopened.lesson.pages) - 1))
            self.statusBar().showMessage(messages.LESSON_UPDATED.format(folder=Path(folder).name), 5000)

        self.ops.read(self, library.load, on_done=shown)

    def show_about(self) -> None:
        from irtutor.ui.about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self)  # window-modal, not exec(): the window keeps painting
        self.about_dialog.open()

    def show_problems(self) -> None:
        from irtutor.ui.problems_dialog import ProblemsDialog

        if self.library is not None:
            dialog = ProblemsDialog(self.library.problems, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def _on_lesson_selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        lesson_id = item.data(LESSON_ID) if item is not None else None
        if self.library is None:
            self.pending_lesson = lesson_id  # opened once the lessons are loaded
        elif lesson_id is not None and (self.lesson_view is None or self.lesson_view.lesson.id != lesson_id):
            self.open_lesson(lesson_id)

    def _enter_lesson(self, item: QListWidgetItem) -> None:
        """Enter or double-click: open the lesson and move the keyboard into its text."""
        self._on_lesson_selected(item)
        if self.lesson_view is not None:
            self.lesson_view.tabs.setCurrentWidget(self.lesson_view.reader)
            self.lesson_view.reader.focus_page()

    def _on_changed(self, changes: Change) -> None:
        if changes & Change.ANSWERS:
            self.statusBar().showMessage(messages.ANSWER_SAVED, 2000)
        if changes & (Change.ANSWERS | Change.ATTEMPT):
            self.refresh_due_count()

    def refresh_due_count(self) -> None:
        """The number of questions due for review, on the status bar."""
        workspace, profile = self.workspace, self.profile
        if workspace is None or workspace.store is None or profile is None:
            return
        self.ops.read(self, partial(workspace.due_count, profile), on_done=self._show_due_count)

    def _refresh_due_when_idle(self) -> None:
        if not self.ops.busy:  # a save under way refreshes it anyway when it is done
            self.refresh_due_count()

    def _show_due_count(self, count: int) -> None:
        self.review_button.setText(messages.REVIEW_BUTTON.format(count=count))
        self.review_button.setVisible(True)

    def show_review(self) -> None:
        self.show_review_focus("all")

    def show_review_focus(self, focus: str) -> None:
        """The review queue on the questions due now, or those got wrong or found difficult (a Focus)."""
        from irtutor.core.practice_focus import Focus

        workspace, profile = self.workspace, self.profile
        if workspace is None or workspace.store is None or profile is None:
            return
        self.ops.read(self, partial(workspace.review_session, profile, None, Focus(focus)),
                      on_done=self._open_review, disable=[self.review_action, self.review_button])

    def _open_review(self, session: ReviewSession) -> None:
        from irtutor.ui.review_view import ReviewView

        try:
            shown = isinstance(self.review_view, ReviewView) and self.review_view.isVisible()
            old = self.review_view if shown else None
        except RuntimeError:  # closed already, and deleted on close
            old = None
        self.review_view = ReviewView(session, self.ops, self)
        self.review_view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review_view.sig_open_page.connect(self._open_lesson_page)
        self.review_view.sig_focus.connect(self.show_review_focus)
        if old is not None:  # the same place on screen, other questions
            self.review_view.setGeometry(old.geometry())
            old.close()
        self.review_view.show()

    def _show_busy(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        elif self.statusBar().currentMessage() in (messages.SAVING, messages.LOADING):
            self.statusBar().clearMessage()  # but leave "Answer saved" and other news in place

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("storage-failed")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes file paths and lesson text
        box.open()
