"""Screenshots of the window at a classroom's screen sizes, light and dark, for checking layouts by eye:
`python packaging/size_screenshots.py [OUT_DIR]` (headless: it sets QT_QPA_PLATFORM=offscreen itself).

Each size gets, in the light and the dark theme: a reading page with the map, a page with a
two-panel chart, a test question with its navigator, and the progress dashboard. 1920x1080 at
200% scaling runs in a child process with QT_SCALE_FACTOR=2 (a window of 960x540 logical pixels,
drawn at twice the pixels). Runs against a throw-away data folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["IRTUTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="irtutor-sizes-")

from PySide6.QtWidgets import QApplication

from irtutor.app import build_window
from irtutor.core.quiz_settings import QuizMode
from irtutor.paths import builtin_lessons_dir
from irtutor.ui.lesson_view import LessonView
from irtutor.ui.main_window import MainWindow
from irtutor.ui.theme import Theme

SIZES = {"1024x600": (1024, 600), "1366x768": (1366, 768), "1920x1080": (1920, 1080)}
SCALED = ("1920x1080-200pct", (960, 540))
"""1920x1080 pixels at 200%: the window's size in logical pixels, run with QT_SCALE_FACTOR=2."""
LESSON, FIGURE_PAGE = "nato-origins", 1
"""A page with the map on it."""
CHART_LESSON, CHART_PAGE = "brics-vs-g7", 1
"""A page with a two-panel chart (the nominal GDP panels stack on a narrow page)."""


def main(out: Path, scaled: bool) -> list[Path]:
    app = QApplication([])
    window = build_window([builtin_lessons_dir()])
    window.show()
    while window.workspace is None or window.profile_dialog is None:
        app.processEvents()
    window.profile_dialog.name_edit.setText("Ana")
    window.profile_dialog.create_profile()
    _wait(app, lambda: window.profile is not None and not window.ops.busy)  # saved on the storage worker
    out.mkdir(parents=True, exist_ok=True)
    written = []
    sizes = dict([SCALED]) if scaled else SIZES
    for theme in (Theme.LIGHT, Theme.DARK):
        window.set_theme(theme)
        for name, size in sizes.items():
            window.resize(*size)
            view = _lesson_in_a_test(app, window)
            view.tabs.setCurrentWidget(view.reader)
            view.reader.show_page(FIGURE_PAGE)
            for what in ("reading", "quiz"):
                if what == "quiz":
                    view.show_quiz()
                    view.quiz.go_to(0)
                for _ in range(20):
                    app.processEvents()
                if what == "reading":  # the page scrolled to its figure, as a student reading on sees it
                    parts = view.reader.parts
                    parts.verticalScrollBar().setValue(parts.figures[0].y() - parts.viewport().height() // 4)
                    app.processEvents()
                path = out / f"size-{name}-{theme.value}-{what}.png"
                window.grab().save(str(path))
                written.append(path)
            written.append(_chart_shot(app, window, out / f"size-{name}-{theme.value}-chart.png"))
            written.append(_dashboard_shot(app, window, size, out / f"size-{name}-{theme.value}-dashboard.png"))
    window.set_theme(Theme.SYSTEM)
    return written


def _lesson_in_a_test(app: QApplication, window: MainWindow) -> LessonView:
    """The map lesson, open on the first question of a test (started, or resumed when it was open)."""
    view = window.open_lesson(LESSON)
    assert view is not None
    _wait(app, lambda: not window.ops.busy)
    view.show_quiz()
    if view.quiz.session is None:
        view.quiz.start(QuizMode.TEST)
        _wait(app, lambda: view.quiz.session is not None and not window.ops.busy)  # started on the worker
    view.quiz.go_to(0)
    return view


def _chart_shot(app: QApplication, window: MainWindow, path: Path) -> Path:
    view = window.open_lesson(CHART_LESSON)
    assert view is not None
    view.tabs.setCurrentWidget(view.reader)
    view.reader.show_page(CHART_PAGE)
    for _ in range(20):
        app.processEvents()
    parts = view.reader.parts
    parts.verticalScrollBar().setValue(parts.figures[0].y() - 8)
    app.processEvents()
    window.grab().save(str(path))
    return path


def _dashboard_shot(app: QApplication, window: MainWindow, size: tuple[int, int], path: Path) -> Path:
    window.show_progress()
    _wait(app, lambda: window.dashboard is not None and window.dashboard.isVisible())
    dashboard = window.dashboard
    assert dashboard is not None
    # As the dialog sizes itself on a screen of `size` (the offscreen screen is 800x600, whatever the window).
    dashboard.resize(min(1000, size[0] * 92 // 100), min(720, size[1] * 90 // 100))
    for _ in range(20):
        app.processEvents()
    dashboard.grab().save(str(path))
    dashboard.close()
    window.dashboard = None
    return path


def _wait(app: QApplication, done: Callable[[], bool]) -> None:
    for _ in range(500):
        app.processEvents()
        if done():
            return
        time.sleep(0.01)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--scaled"]
    target = Path(args[0]) if args else Path(__file__).resolve().parent / "screenshots"
    if "--scaled" in sys.argv:
        paths = main(target, scaled=True)
    else:
        paths = main(target, scaled=False)
        env = dict(os.environ, QT_SCALE_FACTOR="2")
        subprocess.run([sys.executable, __file__, str(target), "--scaled"], env=env, check=True)
        paths += sorted(target.glob(f"size-{SCALED[0]}-*.png"))
    print("wrote " + ", ".join(str(p) for p in paths))
