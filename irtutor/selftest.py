"""`irtutor --selftest`: prove an installed (or frozen) app can do its work, without a student.

A frozen build that lost a data file, a Qt plugin or the Alembic migrations fails quietly: the
window opens and a figure, a question or the first saved answer breaks later. This runs the
real start-up path once, headless, in a temporary data folder: every shipped lesson loaded
and checked, the database created and migrated, one question of every kind and every figure
drawn offscreen, an answer committed and read back from the reopened database. It prints one
line per check and exits 1 naming what failed. It never uses the student's data folder and
refuses to open a network connection.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from irtutor import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from irtutor.core.lesson import Lesson
    from irtutor.core.questions import Question, QuestionKind
    from irtutor.services.library import Library
    from irtutor.services.workspace import Workspace


class CheckFailed(Exception):
    """What a check found wrong, as the person running the self-test should read it."""


class Report:
    """Each check's verdict as one line ("ok  lessons: ...", "FAIL figure ...: why"), then a summary."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.passed = 0
        self.failed: list[str] = []

    def check(self, name: str, run: Callable[[], str]) -> bool:
        try:
            detail = run()
        except Exception as exc:  # a self-test reports every failure, whatever it is, and goes on
            why = str(exc) if isinstance(exc, CheckFailed) else f"{type(exc).__name__}: {exc}"
            self.failed.append(name)
            self.line("FAIL", name, why)
            return False
        self.passed += 1
        self.line("ok", name, detail)
        return True

    def line(self, verdict: str, name: str, detail: str) -> None:
        first, *more = detail.splitlines() or [""]
        print(f"{verdict:<4} {name}: {first}", file=self.out, flush=True)
        for extra in more:
            print(f"     {extra}", file=self.out, flush=True)

    def finish(self) -> int:
        total = self.passed + len(self.failed)
        if self.failed:
            print(f"selftest FAILED: {len(self.failed)} of {total} checks failed: {', '.join(self.failed)}",
                  file=self.out, flush=True)
            return 1
        print(f"selftest passed: {total} checks, IR Tutor {__version__}", file=self.out, flush=True)
        return 0


def run(out: TextIO = sys.stdout) -> int:
    """Run every check; 0 when all pass, else 1. The data folder is a fresh temporary one."""
    _prefer_offscreen()
    _forbid_network()
    logging.getLogger("irtutor").addHandler(logging.NullHandler())  # failures are reported as lines
    report = Report(out)
    with tempfile.TemporaryDirectory(prefix="irtutor-selftest-", ignore_cleanup_errors=True) as folder:
        os.environ["IRTUTOR_DATA_DIR"] = folder  # before anything asks irtutor.paths for the data folder
        SelfTest(report, Path(folder)).run()
    return report.finish()


def _prefer_offscreen() -> None:
    # With no display (a CI box, an SSH session) Qt would abort; a given platform is respected,
    # and with a display the real plugin is used, since a bundle that lost it must fail here.
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux") and not has_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _forbid_network() -> None:
    """Any Internet connection or name lookup from here on raises (the app works offline)."""
    def hook(event: str, args: tuple[Any, ...]) -> None:
        lookup = event in ("socket.getaddrinfo", "socket.gethostbyname")
        connect = event == "socket.connect" and args[0].family in (socket.AF_INET, socket.AF_INET6)
        if lookup or connect:
            raise CheckFailed(f"the self-test tried to use the network ({event} {args[1:]!r})")

    sys.addaudithook(hook)


class SelfTest:
    """The checks, in the order start-up needs them; later checks use what earlier ones opened."""

    def __init__(self, report: Report, folder: Path) -> None:
        self.report = report
        self.folder = folder
        self.library: Library | None = None
        self.workspace: Workspace | None = None

    def run(self) -> None:
        from irtutor.core.figures import FIGURES
        from irtutor.core.kind_registry import all_rules

        check = self.report.check
        if not check("qt", self.start_qt):
            return  # nothing below can draw
        check("lessons", self.load_lessons)
        check("database", self.open_database)
        for kind in all_rules():
            check(f"question {kind}", lambda kind=kind: self.draw_question(kind))
        for figure in FIGURES:
            check(f"figure {{{figure.directive}}} {figure.target}", lambda figure=figure: self.draw_figure(figure))
        check("answer", self.commit_and_read_back)
        if self.workspace is not None and self.workspace.store is not None:
            self.workspace.store.engine.dispose()  # Windows cannot delete an open database file

    def start_qt(self) -> str:
        import PySide6
        from PySide6.QtCore import qVersion
        from PySide6.QtWidgets import QApplication

        _quiet_offscreen_notices()
        app = QApplication.instance() or QApplication(sys.argv[:1])
        return f"platform {QApplication.platformName()}, Qt {qVersion()}, PySide6 {PySide6.__version__}" \
            if app is not None else "no application"

    def load_lessons(self) -> str:
        from irtutor.app import load_library
        from irtutor.content.summaries import lesson_folders
        from irtutor.paths import builtin_lessons_dir

        roots = [builtin_lessons_dir()]
        self.library = library = load_library(roots)
        folders = len(lesson_folders(roots))
        problems = len(library.problems)
        detail = f"{len(library.lessons)} loaded, {problems} problem{'' if problems == 1 else 's'}"
        if library.problems or not folders or len(library.lessons) != folders:
            shown = [str(p) for p in sorted(library.problems)[:10]]
            raise CheckFailed("\n".join([f"{detail} ({folders} lesson folders in {roots[0]})", *shown]))
        return detail

    def open_database(self) -> str:
        from irtutor.app import open_workspace
        from irtutor.paths import database_path
        from irtutor.services.library import Library

        self.workspace = open_workspace(self.library or Library([]))
        if self.workspace.store is None:
            raise CheckFailed(self.workspace.storage_error)
        if not database_path().is_file() or self.folder not in database_path().parents:
            raise CheckFailed(f"the database is not in the temporary folder: {database_path()}")
        return "created and migrated in a temporary folder"

    def draw_question(self, kind: QuestionKind) -> str:
        from irtutor.core.grading import grade
        from irtutor.core.kind_registry import rules_for
        from irtutor.ui.question_factory import UnavailableQuestionWidget, make_question_widget

        lesson, question = self.shipped_question(kind)
        widget = make_question_widget(question)
        if isinstance(widget, UnavailableQuestionWidget):
            raise CheckFailed(f"{lesson.id}/{question.id}: {widget.notice.text()}")
        widget.set_response(rules_for(kind).right_response(question))
        score = grade(question, widget.selection()).score
        _draw(widget)
        if score != 1.0:
            raise CheckFailed(f"{lesson.id}/{question.id}: the right answer, set in the widget, scored {score}")
        return f"{lesson.id}/{question.id} drawn, right answer scores 1"

    def shipped_question(self, kind: QuestionKind) -> tuple[Lesson, Question]:
        lessons = self.library.lessons if self.library else []
        found = next(((lesson, q) for lesson in lessons for q in lesson.questions if q.kind == kind), None)
        if found is None:
            raise CheckFailed(f"no shipped lesson has a {kind} question to draw")
        return found

    def draw_figure(self, figure: Any) -> str:
        from irtutor.core.directives import Directive
        from irtutor.ui.directive_widgets import make_directive_widget

        lessons = self.library.lessons if self.library else []
        if not lessons:
            raise CheckFailed("no lesson loaded to place the figure in")
        widget = make_directive_widget(Directive(figure.directive, figure.target, figure.example()),
                                       lessons[0], "selftest", lessons)
        if widget.objectName() == "figure-failed":
            # The label says "could not be shown (where): why", and `where` is a page made up here.
            raise CheckFailed(_plain(widget.text()).split("): ", 1)[-1])  # type: ignore[attr-defined]
        _draw(widget)
        return f"drawn with {' '.join(f'{k}={v}' for k, v in figure.example()) or 'no parameters'}"

    def commit_and_read_back(self) -> str:
        from irtutor.app import open_workspace
        from irtutor.core.kind_registry import rules_for
        from irtutor.core.quiz_settings import QuizMode

        if self.workspace is None or self.workspace.store is None or self.workspace.profiles is None:
            raise CheckFailed("no database to answer in")
        lesson = next((lesson for lesson in self.workspace.library.lessons if lesson.questions), None)
        if lesson is None:
            raise CheckFailed("no lesson with a question to answer")
        profile = self.workspace.store.add_profile("Self-test")
        session = self.workspace.start_quiz(lesson, profile, QuizMode.PRACTICE)
        question = session.questions[0]
        session.submit(question.id, rules_for(question.kind).right_response(question), 1500)
        again = open_workspace(self.workspace.library)  # a second connection reads what is on disk
        try:
            resumed = again.resume_quiz(lesson, profile) if again.store is not None else None
        finally:
            if again.store is not None:
                again.store.engine.dispose()
        recorded = resumed.state.answered(question.id) if resumed is not None else None
        if recorded is None:
            raise CheckFailed(f"the answer to {lesson.id}/{question.id} was not found in the reopened database")
        if recorded.outcome.score != 1.0:
            raise CheckFailed(f"the answer to {lesson.id}/{question.id} came back scored {recorded.outcome.score}")
        return f"{lesson.id}/{question.id} committed, read back from the reopened database, score 1"


def _draw(widget: QWidget) -> None:
    """Lay out and paint `widget` without putting it on screen; fails if it painted one flat colour."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(900, 640)
    widget.show()
    QApplication.processEvents()
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    widget.close()
    widget.deleteLater()
    pixels = bytes(image.constBits()) if not image.isNull() else b""
    if not pixels or pixels == pixels[:4] * (len(pixels) // 4):
        raise CheckFailed(f"{type(widget).__name__} painted nothing")


def _quiet_offscreen_notices() -> None:
    """Drop the offscreen plugin's "does not support propagateSizeHints()", printed for every
    widget drawn; any other Qt message still reaches stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr, flush=True)

    qInstallMessageHandler(handler)


def _plain(text: str) -> str:
    from html import unescape
    from re import sub

    return unescape(sub(r"<[^>]+>", "", text))
