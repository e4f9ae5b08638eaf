"""Baseline for bench_startup.py: the least a PySide6 app can do to show the first lesson page.

A QMainWindow with a QTextBrowser holding the text of the first built-in lesson page (set with
setMarkdown), the same size as IR Tutor's main window. On the first paint it prints the
milliseconds since the process started (the same clock as `irtutor --exit-after-paint`) and exits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

from irtutor.startup_clock import ms_since_process_start  # tiny (os and time); reads the start from /proc

LESSON = Path(__file__).resolve().parents[2] / "lessons" / "nato-origins"


class ExitAfterFirstPaint(QObject):
    """Like irtutor.ui.first_paint: on the first Paint, let it reach the screen, then print and quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.done)
        return False

    def done(self) -> None:
        print(f"{ms_since_process_start():.1f}", flush=True)
        QCoreApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    page = sorted(LESSON.glob("01-*.md"))[0].read_text(encoding="utf-8")
    window = QMainWindow()
    window.setWindowTitle("IR Tutor")
    window.resize(1180, 760)
    browser = QTextBrowser()
    browser.setMarkdown(page)
    window.setCentralWidget(browser)
    watcher = ExitAfterFirstPaint(window)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
