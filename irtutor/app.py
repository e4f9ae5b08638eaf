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

from irtutor import startup_clock
from irtutor.paths import builtin_lessons_dir, database_path, summaries_cache_path

if TYPE_CHECKING:
    from irtutor.services.workspace import Workspace
    from irtutor.ui.main_window import MainWindow


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="irtutor", description="IR Tutor: offline lessons and quizzes on IR.")
    parser.add_argument("--lessons", action="append", metavar="FOLDER",
                        help="read lessons from this folder (repeatable); default: the built-in lessons")
    parser.add_argument("--data-dir", metavar="FOLDER", help="keep answers in this folder (or set IRTUTOR_DATA_DIR)")
    parser.add_argument("--exit-after-paint", action="store_true",
                        help="print milliseconds from process start to the first painted window, then exit")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="check lesson folders and print file:line:col problems")
    check.add_argument("paths", nargs="*", help="lesson folders or folders of lessons (default: built-in)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "check":
        from irtutor.cli import check

        return check(args.paths)
    if args.data_dir:
        os.environ["IRTUTOR_DATA_DIR"] = args.data_dir
    roots = [Path(p) for p in args.lessons] if args.lessons else [builtin_lessons_dir()]
    return run_gui(roots, exit_after_paint=args.exit_after_paint)


def run_gui(roots: list[Path], *, exit_after_paint: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("IR Tutor")
    window = build_window(roots, exit_after_paint=exit_after_paint)
    window.show()
    return app.exec()


def build_window(roots: list[Path], *, exit_after_paint: bool = False) -> MainWindow:
    """The main window, listing lessons at once; lessons and the database attach after it paints."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from irtutor.content.summaries import quick_summaries
    from irtutor.ui.first_paint import call_after_first_paint
    from irtutor.ui.main_window import MainWindow

    window = MainWindow(quick_summaries(roots, summaries_cache_path()))

    def after_paint() -> None:
        if exit_after_paint:
            print(f"{startup_clock.ms_since_process_start():.1f}", flush=True)
            QCoreApplication.quit()
            return
        QTimer.singleShot(0, lambda: window.attach(open_workspace(roots)))

    call_after_first_paint(window, after_paint)
    return window


def open_workspace(roots: list[Path]) -> Workspace:
    """Load every lesson and open (or create and migrate) the database.

    The imports live here on purpose: the ORM, Alembic and the validator cost ~0.5 s, which
    the student should spend looking at a painted window, not at nothing.
    """
    from irtutor.core.errors import SaveFailed
    from irtutor.services.library import Library
    from irtutor.services.workspace import Workspace
    from irtutor.storage.database import open_store

    library = Library(roots)
    library.load()
    try:
        return Workspace(library, open_store(database_path()))
    except SaveFailed as exc:
        return Workspace(library, None, str(exc))
