"""Composition root: arguments, paths, the window first, then lessons and the database.

Only what the first screen needs is imported before it paints; the SQLAlchemy ORM, Alembic,
Markdown and the schema validator load right after, while the student looks at the window.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from irtutor import __version__, startup_clock
from irtutor.paths import (
    builtin_lessons_dir,
    database_path,
    instructor_lessons_dir,
    lessons_cache_path,
    summaries_cache_path,
)

if TYPE_CHECKING:
    from irtutor.services.library import Library
    from irtutor.services.workspace import Workspace
    from irtutor.ui.main_window import MainWindow


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="irtutor", description="IR Tutor: offline lessons and quizzes on IR.")
    parser.add_argument("--lessons", action="append", metavar="FOLDER",
                        help="also read lessons from this folder (repeatable), after the built-in lessons and "
                             "your own lessons folder; a lesson here replaces one of the same id")
    parser.add_argument("--data-dir", metavar="FOLDER", help="keep answers in this folder (or set IRTUTOR_DATA_DIR)")
    parser.add_argument("--exit-after-paint", action="store_true",
                        help="print milliseconds from process start to the first painted window, then exit")
    parser.add_argument("--exit-when-ready", action="store_true",
                        help="print milliseconds from process start to the lessons listed and to the database "
                             "open, then exit")
    parser.add_argument("--selftest", action="store_true",
                        help="check the installed app (lessons, database, every question kind and figure, "
                             "drawn offscreen) in a temporary folder; exit 0 if all pass, else 1")
    parser.add_argument("--version", action="version", version=f"IR Tutor {__version__}")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="check lesson folders and print file:line:col problems")
    check.add_argument("paths", nargs="*", help="lesson folders or folders of lessons (default: built-in)")
    preview = sub.add_parser("preview", help="show a lesson folder in the reader, reloading on every save")
    preview.add_argument("folder", help="a lesson folder, or a folder of lessons")
    bank_in = sub.add_parser("import", help="add the questions of a GIFT or Moodle XML file to a lesson's quiz")
    bank_in.add_argument("file", help="a .gift/.txt (GIFT) or .xml (Moodle XML) file")
    bank_in.add_argument("--into", required=True, metavar="LESSON_FOLDER", help="the lesson to add them to")
    bank_in.add_argument("--yes", action="store_true", help="add them without asking, after the table")
    bank_in.add_argument("--page", default="", help="the page the questions point to (default: the first)")
    bank_in.add_argument("--notes-page", default="", help="the page that gets description texts (default: --page)")
    bank_out = sub.add_parser("export", help="write a lesson's quiz as Moodle XML or GIFT")
    bank_out.add_argument("folder", metavar="LESSON_FOLDER")
    bank_out.add_argument("--to", required=True, choices=["moodle-xml", "gift"], dest="format")
    bank_out.add_argument("file", metavar="FILE")
    author = sub.add_parser("author", help="open the instructor studio")
    author.add_argument("folder", nargs="?", help="a lesson folder or a folder of lessons to open")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "check":
        from irtutor.cli import check

        return check(args.paths)
    if args.command == "import":
        from irtutor.cli import import_bank

        return import_bank(args.file, args.into, yes=args.yes, page=args.page, notes_page=args.notes_page)
    if args.command == "export":
        from irtutor.cli import export_bank

        return export_bank(args.folder, args.format, args.file)
    if args.selftest:
        from irtutor.selftest import run

        return run()
    if args.data_dir:
        os.environ["IRTUTOR_DATA_DIR"] = args.data_dir
    if args.command == "preview":
        from irtutor.ui.studio.folder_preview import run_preview

        return run_preview(Path(args.folder))
    if args.command == "author":
        from irtutor.ui.studio.studio_window import run_studio

        return run_studio(Path(args.folder) if args.folder else None)
    return run_gui(lesson_roots(args.lessons), exit_after_paint=args.exit_after_paint,
                   exit_when_ready=args.exit_when_ready)


def lesson_roots(extra: list[str] | None = None) -> list[Path]:
    """The shipped lessons, the instructor's own folder, then each `--lessons` folder.

    In that order of precedence: a later root's lesson replaces an earlier one of the same id,
    so the instructor's edited copy is shown instead of the shipped lesson. The instructor's
    folder is only created when something is saved into it; a missing one lists nothing.
    """
    return [builtin_lessons_dir(), instructor_lessons_dir(), *(Path(p) for p in extra or ())]


def run_gui(roots: list[Path], *, exit_after_paint: bool = False, exit_when_ready: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("IR Tutor")
    from irtutor.ui.about_dialog import app_icon

    app.setWindowIcon(app_icon())
    window = build_window(roots, exit_after_paint=exit_after_paint, exit_when_ready=exit_when_ready)
    window.show()
    return app.exec()


def build_window(roots: list[Path], *, exit_after_paint: bool = False, exit_when_ready: bool = False) -> MainWindow:
    """The main window, listing lessons at once; lessons and the database attach after it paints,
    loaded on a worker thread so that the window keeps repainting meanwhile."""
    from PySide6.QtCore import QCoreApplication

    from irtutor.content.summaries import quick_summaries
    from irtutor.ui.background_start import BackgroundStart
    from irtutor.ui.first_paint import call_after_first_paint
    from irtutor.ui.main_window import MainWindow

    window = MainWindow(quick_summaries(roots, summaries_cache_path()))
    window.warn_if_open_elsewhere()
    start = BackgroundStart(window)
    start.sig_lessons_loaded.connect(window.attach_library)
    start.sig_ready.connect(window.attach)
    start.sig_failed.connect(window.start_failed)
    if exit_when_ready:
        marks: list[str] = []
        start.sig_lessons_loaded.connect(
            lambda _library: marks.append(f"lessons={startup_clock.ms_since_process_start():.1f}"))

        def report(_workspace: object) -> None:
            print(f"{marks[0]} database={startup_clock.ms_since_process_start():.1f}", flush=True)
            QCoreApplication.quit()

        start.sig_ready.connect(report)

    def after_paint() -> None:
        if exit_after_paint:
            print(f"{startup_clock.ms_since_process_start():.1f}", flush=True)
            QCoreApplication.quit()
            return
        start.start(lambda: load_library(roots), open_workspace)

    call_after_first_paint(window, after_paint)
    return window


def load_library(roots: list[Path]) -> Library:
    """Every lesson, from the lesson cache where its folder is unchanged; the shipped ones read-only."""
    from irtutor.services.library import Library

    library = Library(roots, lessons_cache_path(), read_only=[builtin_lessons_dir()])
    library.load()
    return library


def open_workspace(library: Library) -> Workspace:
    """Open (or create and migrate) the database beside the loaded lessons.

    The imports live here on purpose: the ORM and Alembic cost ~0.3 s, which the student should
    spend reading, not looking at nothing.
    """
    from irtutor.core.errors import SaveFailed
    from irtutor.services.workspace import Workspace
    from irtutor.storage.database import open_store

    try:
        workspace = Workspace(library, open_store(database_path()), database_file=database_path())
    except SaveFailed as exc:
        return Workspace(library, None, str(exc))
    try:
        if workspace.backups is not None:
            workspace.backups.backup_if_due()  # Anki's habit: a daily copy, before the first answer
    except SaveFailed as exc:
        workspace.backup_error = str(exc)
    return workspace
