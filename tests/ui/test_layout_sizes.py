"""Layouts that fit the screens of a classroom: every lesson page at each size, text without a
horizontal scrollbar, in a column of comfortable measure, and no figure taller than the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from irtutor.charts.map_inset import InsetView
from irtutor.ui.lesson_reader import LessonReader
from irtutor.ui.page_parts import char_width
from tests.ui.driving import create_profile, start_app

SIZES = {
    "netbook 1024x600": (1024, 600),
    "school laptop 1366x768": (1366, 768),
    "desktop 1920x1080": (1920, 1080),
    "1920x1080 at 200%": (960, 540),  # what QT_SCALE_FACTOR=2 leaves in logical pixels
}


def _line_chars(browser: QTextBrowser) -> float:
    """How many characters of running text a line of this text box holds."""
    document = browser.document()
    frame = document.rootFrame().frameFormat()
    column = document.textWidth() - frame.leftMargin() - frame.rightMargin() - 2 * document.documentMargin()
    return column / char_width(QFontMetricsF(browser.font()))


def _parts_drawn_over(widget: QWidget, depth: int = 0) -> list[str]:
    """Shown parts of a figure that lie over one another or out of their parent: what a figure squeezed
    below the height its wrapped text and plots need looks like (the map's inset sits on the map on purpose)."""
    parts = [c for c in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
             if c.isVisible() and not c.isWindow() and not isinstance(c, InsetView)]
    found = []
    for n, part in enumerate(parts):
        if part.height() and not widget.rect().adjusted(-1, -1, 1, 1).contains(part.geometry()):
            found.append(f"{type(part).__name__} {part.geometry()} runs out of {type(widget).__name__} {widget.rect()}")
        for other in parts[n + 1:]:
            common = part.geometry().intersected(other.geometry())
            if common.width() > 1 and common.height() > 1:
                found.append(f"{type(part).__name__} and {type(other).__name__} overlap by {common.height()} px")
    if depth < 4:
        for part in parts:
            found += _parts_drawn_over(part, depth + 1)
    return found


def _check_page(reader: LessonReader, where: str) -> None:
    body = reader.body.currentWidget()
    assert not body.horizontalScrollBar().isVisible(), f"{where}: horizontal scrollbar on the page text"
    chunks = [reader.text] if body is reader.text else reader.parts.chunks
    for chunk in chunks:
        assert _line_chars(chunk) <= 90, f"{where}: lines of about {_line_chars(chunk):.0f} characters"
    viewport = reader.parts.viewport()
    for figure in reader.parts.figures if body is reader.parts else ():
        assert figure.height() <= viewport.height(), (
            f"{where}: a figure {figure.height()} px tall in a {viewport.height()} px page")
        assert figure.width() <= viewport.width(), f"{where}: a figure wider than the page"
        drawn_over = _parts_drawn_over(figure)
        assert not drawn_over, f"{where}: {type(figure).__name__}: {drawn_over[0]}"
    if reader.side.isVisible():
        side = reader.side.viewport().width() / char_width(QFontMetricsF(reader.side.font()))
        assert side >= 28, f"{where}: the side panel holds {side:.0f} characters a line"
    else:
        assert reader.notes_button.isVisible(), f"{where}: the side panel is hidden with no way to open it"


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_every_page_fits_the_window(qtbot: QtBot, size: tuple[int, int]) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    window.resize(*size)
    assert window.library is not None
    for lesson in window.library.lessons:
        view = window.open_lesson(lesson.id)
        assert view is not None
        for index in range(len(lesson.pages)):
            view.reader.show_page(index)
            qtbot.wait(1)
            _check_page(view.reader, f"{size} {lesson.id} page {index + 1}")


def test_the_side_panel_is_a_drawer_on_a_small_screen(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    view = window.open_lesson("nato-origins")
    assert view is not None
    reader = view.reader
    window.resize(1366, 768)
    qtbot.waitUntil(reader.side.isVisible)
    window.resize(960, 540)  # 1920x1080 at 200%, the narrowest of the sizes
    qtbot.waitUntil(lambda: not reader.side.isVisible())
    qtbot.mouseClick(reader.notes_button, Qt.MouseButton.LeftButton)
    assert reader.side.isVisible()
    qtbot.waitUntil(lambda: reader.side.width() / char_width(QFontMetricsF(reader.side.font())) >= 28)
    assert _line_chars(reader.text if reader.body.currentWidget() is reader.text else reader.parts.chunks[0]) >= 30
    qtbot.mouseClick(reader.notes_button, Qt.MouseButton.LeftButton)
    assert not reader.side.isVisible()
