"""Screenshots of the window at a classroom's screen sizes, light and dark, for checking layouts by eye:
`python packaging/size_screenshots.py [OUT_DIR]` (headless: it sets QT_QPA_PLATFORM=offscreen itself).

Each size gets a reading page with a figure (the map) and a quiz question, in the light and the
dark theme. 1920x1080 at 200% scaling runs in a child process with QT_SCALE_FACTOR=2 (a window of
960x540 logical pixels, drawn at twice the pixels). Runs against a throw-away data folder.
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
from irtutor.ui.theme import Theme

SIZES = {"1024x600": (1024, 600), "1366x768": (1366, 768), "1920x1080": (1920, 1080)}
SCALED = ("1920x1080-200pct", (960, 540))
"""1920x1080 pixels at 200%: the window's size in logical pixels, run with QT_SCALE_FACTOR=2."""
LESSON, FIGURE_PAGE = "nato-origins", 1
"""A page with the map on it."""


def main(out: Path, scaled: bool) -> list[Path]:
    app = QApplication([])
    window = build_window([builtin_lessons_dir()])
    window.show()
    while window.workspace is None or window.profile_dialog is None:
        app.processEvents()
    window.profile_dialog.name_edit.setText("Ana")
    window.profile_dialog.create_profile()
    _wait(app, lambda: window.profile is not None and not window.ops.busy)  # saved on the storage worker
    view = window.open_lesson(LESSON)
    assert view is not None
    view.show_quiz()
    view.quiz.start(QuizMode.PRACTICE)
    _wait(app, lambda: view.quiz.session is not None and not window.ops.busy)  # started on the worker too
    view.quiz.go_to(0)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    sizes = dict([SCALED]) if scaled else SIZES
    for theme in (Theme.LIGHT, Theme.DARK):
        window.set_theme(theme)
        for name, size in sizes.items():
            window.resize(*size)
            view.tabs.setCurrentWidget(view.reader)
            view.reader.show_page(FIGURE_PAGE)
            for what in ("reading", "quiz"):
                if what == "quiz":
                    view.show_quiz()
                for _ in range(20):
                    app.processEvents()
                if what == "reading":  # the page scrolled to its figure, as a student reading on sees it
                    parts = view.reader.parts
                    parts.verticalScrollBar().setValue(parts.figures[0].y() - parts.viewport().height() // 4)
                    app.processEvents()
                path = out / f"size-{name}-{theme.value}-{what}.png"
                window.grab().save(str(path))
                written.append(path)
    window.set_theme(Theme.SYSTEM)
    return written


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
