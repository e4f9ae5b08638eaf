"""The page editor's live preview: one refresh (parse + the real reader updated), offscreen.

    .venv/bin/python tests/benchmarks/bench_preview.py [--runs 40]

For the longest shipped page, and for the one with the most figures (whose charts are rebuilt on
each refresh), prints median and p95 of
- `PagePreview.refresh()`: parse_page + the Lesson rebuilt + LessonReader.show_page (no debounce wait);
- the same followed by a forced synchronous paint of the reader (grab), as the next frame would;
- from a change (`set_text`, as each keystroke) to the preview painted: the debounce, one refresh, a paint;
- a bare QTextBrowser.setHtml of the same page HTML, and setHtml + grab.
Each run changes the text (a counter appended), as typing does. Goal: refresh p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QTextBrowser

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.safe_markdown import render_page
from irtutor.paths import builtin_lessons_dir
from irtutor.ui.studio.page_preview import DEBOUNCE_MS, PagePreview


def longest(pages: list[Path]) -> Path:
    return max(pages, key=lambda p: len(p.read_text(encoding="utf-8")))


def timed(step: Callable[[int], object], runs: int, app: QApplication) -> list[float]:
    step(-1)  # warm-up: imports, caches, first layout
    app.processEvents()
    times = []
    for run in range(runs):
        started = time.perf_counter()
        step(run)
        times.append((time.perf_counter() - started) * 1000)
        app.processEvents()  # deferred deletes and layout, outside the timing, as between keystrokes
    return sorted(times)


def report(name: str, times: list[float]) -> None:
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"  {name:<34}{statistics.median(times):>10.1f}{p95:>10.1f}")


def bench_page(path: Path, runs: int, app: QApplication) -> None:
    lesson, problems = load_lesson(path.parent)
    assert lesson is not None, problems
    text = path.read_text(encoding="utf-8")
    preview = PagePreview()
    preview.resize(683, 740)  # half of a 1366x768 screen, as in the editor
    preview.show_page(lesson, path, text)
    preview.show()
    reader = preview.reader
    assert reader is not None

    def refresh(run: int) -> None:
        preview.set_text(f"{text}\nTyped {run}.")
        assert preview.refresh()

    def refresh_paint(run: int) -> None:
        refresh(run)
        reader.grab()

    def last_key_to_shown(run: int) -> None:
        shown: list[bool] = []
        preview.sig_refreshed.connect(shown.append)
        preview.set_text(f"{text}\nKey {run}.")  # as the editor does on each keystroke: restart the timer
        while not shown:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
        reader.grab()  # and painted, as the next frame would be
        preview.sig_refreshed.disconnect(shown.append)

    page = next(p for p in lesson.pages if p.slug == path.stem)
    html = render_page(page, lesson).html
    browser = QTextBrowser()
    browser.resize(683, 740)
    browser.show()
    figures = len(page.directives)
    print(f"{path.parent.name}/{path.name}: {len(text)} characters, {figures} figures ({runs} runs)")
    print(f"  {'':<34}{'median ms':>10}{'p95 ms':>10}")
    report("PagePreview.refresh", timed(refresh, runs, app))
    report("PagePreview.refresh + paint", timed(refresh_paint, runs, app))
    report(f"last key to painted ({DEBOUNCE_MS} ms wait)", timed(last_key_to_shown, runs, app))
    report("bare QTextBrowser.setHtml", timed(lambda run: browser.setHtml(f"{html}<p>Typed {run}.</p>"), runs, app))
    report("bare setHtml + paint", timed(lambda run: (browser.setHtml(f"{html}<p>{run}</p>"), browser.grab()),
                                         runs, app))
    preview.close()
    browser.close()



def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    pages = sorted(builtin_lessons_dir().glob("*/*.md"))
    bench_page(longest(pages), args.runs, app)
    bench_page(max(pages, key=lambda p: p.read_text(encoding="utf-8").count("```{")), args.runs, app)


if __name__ == "__main__":
    main()
