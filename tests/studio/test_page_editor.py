"""The page editor as an instructor uses it, on the shipped lessons: type, complete, fix, undo, preview."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.pages import parse_page
from irtutor.core.lesson import Lesson
from irtutor.paths import builtin_lessons_dir
from irtutor.ui.studio.completion import choices_at
from irtutor.ui.studio.markdown_highlighter import DARK, LIGHT
from irtutor.ui.studio.page_editor import PageEditor
from irtutor.ui.theme import dark_palette

ORIGINS_PAGE = "nato-origins/01-a-divided-europe.md"
FIGURES_PAGE = "nato-enlargement/02-ten-rounds.md"  # three figures


def shipped(page: str) -> tuple[Lesson, Path, str]:
    path = builtin_lessons_dir() / page
    lesson, problems = load_lesson(path.parent)
    assert lesson is not None, problems
    return lesson, path, path.read_text(encoding="utf-8")


def open_editor(qtbot: QtBot, page: str = ORIGINS_PAGE) -> PageEditor:
    editor = PageEditor()
    qtbot.addWidget(editor)
    editor.set_page(*shipped(page))
    editor.resize(1366, 768)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.wait(20)  # the reader fits its side panel once shown: let it, before a short test deletes it
    return editor


def reader_text(editor: PageEditor) -> str:
    assert editor.preview.reader is not None
    return editor.preview.reader.text.toPlainText()


def end_of_document(editor: PageEditor) -> None:
    editor.edit.moveCursor(QTextCursor.MoveOperation.End)
    editor.edit.setFocus()


def type_lines(qtbot: QtBot, editor: PageEditor, *lines: str) -> None:
    """Each line after a Return, as typed (QTest types no "\\n")."""
    for line in lines:
        qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.edit, line)


def hover_spot(editor: PageEditor, position: int) -> None:
    """What resting the mouse there does: a tooltip event on the text's viewport."""
    spot = QTextCursor(editor.edit.document())
    spot.setPosition(position)
    point = editor.edit.cursorRect(spot).center()
    viewport = editor.edit.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))


def test_a_typed_paragraph_shows_in_the_preview(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    end_of_document(editor)
    assert not editor.is_modified()
    with qtbot.waitSignal(editor.sig_text_changed):
        type_lines(qtbot, editor, "The Harmel report of 1967 paired defence with detente.")
    typed = time.perf_counter()
    assert editor.preview.timer.isActive()  # debounced: shown once the author pauses, not per key
    qtbot.waitUntil(lambda: "paired defence with detente" in reader_text(editor), timeout=2000)
    print(f"shown {1000 * (time.perf_counter() - typed):.0f} ms after the last key")
    assert editor.is_modified()
    assert editor.text().endswith("paired defence with detente.")
    editor.mark_saved()
    assert not editor.is_modified()


def test_typing_a_citation_offers_the_lesson_sources(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    lesson, _path, _text = shipped(ORIGINS_PAGE)
    end_of_document(editor)
    type_lines(qtbot, editor, "Signed in 1949[^")
    popup = editor.edit.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert offered == [s.id for s in lesson.sources]
    wanted = lesson.sources[-1].id
    qtbot.keyClicks(editor.edit, wanted[:-1])
    qtbot.waitUntil(lambda: popup.model().rowCount() >= 1)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.text().endswith(f"Signed in 1949[^{wanted}]")
    assert not popup.isVisible()


def test_typing_a_figure_fence_offers_directives_figures_and_parameters(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    end_of_document(editor)
    popup = editor.edit.completer.popup()
    type_lines(qtbot, editor, "```{ch")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.edit, "defence-spending-")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.edit, "a")
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.text().endswith("```{chart} defence-spending-ally ally=")


@pytest.mark.parametrize(("typed", "prefix", "first", "suffix"), [
    ("as the treaty says[^nat", "nat", "nato-treaty", "]"),
    ("the [[Coll", "Coll", "Collective defence", "]]"),
    ("```{", "", "chart", "} "),
    ("```{map} ", "", "enlargement", " "),
    ("```{map} enlargement ye", "ye", "year", "="),
    ("```{timeline} tags=nato ", "", "from", "="),
])
def test_choices_follow_what_is_typed(typed: str, prefix: str, first: str, suffix: str) -> None:
    choices = choices_at(typed, ["nato-treaty"], ["Collective defence"])
    assert choices is not None
    assert (choices.prefix, choices.words[0], choices.suffix) == (prefix, first, suffix)


def test_nothing_is_offered_in_plain_prose_or_a_value() -> None:
    assert choices_at("NATO was founded in 1949", ["a"], ["b"]) is None
    assert choices_at("```{chart} defence-spending year=20", ["a"], ["b"]) is None


def test_problems_are_underlined_where_they_are_and_go_to_moves_there(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    lesson, path, text = shipped(ORIGINS_PAGE)
    broken = text.replace("\n\n", "\n\nAs the charter says[^no-such-source], ", 1)
    editor.set_page(lesson, path, broken)
    _page, problems = parse_page(path, broken, {s.id for s in lesson.sources}, {t.term for t in lesson.terms})
    [problem] = problems
    editor.show_problems(problems)
    underlined = [s for s in editor.edit.extraSelections()
                  if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]
    assert len(underlined) == 1
    cursor = underlined[0].cursor
    assert cursor.blockNumber() + 1 == problem.line
    assert cursor.selectionStart() - cursor.block().position() + 1 == problem.column
    assert cursor.selectedText() == "says[^no-such-source],"[4:]
    assert editor.edit.problem_at(cursor.selectionStart() + 3) == problem.message
    hover_spot(editor, cursor.selectionStart() + 3)
    assert "names no source" in QToolTip.text()
    editor.go_to(problem.line, problem.column)
    assert editor.edit.textCursor().blockNumber() + 1 == problem.line
    assert editor.edit.textCursor().positionInBlock() + 1 == problem.column
    qtbot.waitUntil(editor.edit.hasFocus)


def test_a_citation_is_coloured_unlike_plain_text(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    block = editor.edit.document().firstBlock()
    while "[^" not in block.text():
        block = block.next()
    start = block.text().index("[^")
    formats = {(r.start, r.length): QTextCharFormat(r.format) for r in block.layout().formats()}
    citation = next(f for (s, n), f in formats.items() if s == start)
    assert citation.foreground().color() != editor.edit.palette().text().color()
    assert not any(s <= 0 < s + n for s, n in formats)  # the line's first word is plain


def test_colours_follow_a_dark_palette(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    assert editor.edit.highlighter.colours is LIGHT
    editor.edit.setPalette(dark_palette())
    assert editor.edit.highlighter.colours is DARK


def test_undo_and_redo_restore_the_text(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    original = editor.text()
    end_of_document(editor)
    qtbot.keyClicks(editor.edit, " A slip")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == original
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.text() == original + " A slip"
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == original + " A slip"


def test_a_page_with_figures_keeps_them_in_the_preview(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, FIGURES_PAGE)
    preview = editor.preview
    assert preview.reader is not None
    parts = preview.reader.parts
    figures = list(parts.figures)
    assert len(figures) == 3
    end_of_document(editor)
    type_lines(qtbot, editor, "One more line under the figures.")
    qtbot.waitUntil(lambda: "One more line under the figures." in reader_text(editor), timeout=2000)
    assert preview.reader.body.currentWidget() is parts
    assert parts.figures == figures  # the same widgets: unchanged figures are not rebuilt per keystroke
    assert not any(f.objectName() == "figure-failed" for f in parts.figures)


def test_a_half_typed_figure_keeps_the_last_good_preview_with_a_notice(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, FIGURES_PAGE)
    preview = editor.preview
    end_of_document(editor)
    with qtbot.waitSignal(preview.sig_refreshed, timeout=2000) as refreshed:
        type_lines(qtbot, editor, "```{chart} defence-spending year=19", "```", "After the fence.")
    assert refreshed.args == [False]
    assert preview.notice.isVisibleTo(preview)
    assert "is not a year" in preview.notice.text()
    assert "After the fence." not in reader_text(editor)
    with qtbot.waitSignal(preview.sig_refreshed, timeout=2000) as refreshed:
        editor.go_to(editor.edit.blockCount() - 2, 36)  # after year=19
        qtbot.keyClicks(editor.edit, "90")
    assert refreshed.args == [True]
    assert not preview.notice.isVisibleTo(preview)
    assert "After the fence." in reader_text(editor)
    assert preview.reader is not None and len(preview.reader.parts.figures) == 4


def test_the_preview_follows_the_edited_line(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "nato-since-2008/05-talks-and-the-minerals-deal.md")
    view = editor.preview.page_view()
    assert view is not None
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    end_of_document(editor)
    type_lines(qtbot, editor, "The last word.")
    qtbot.waitUntil(lambda: bar.value() > 0.8 * bar.maximum(), timeout=2000)
    editor.go_to(3, 1)
    qtbot.keyClicks(editor.edit, "Near the top. ")
    qtbot.waitUntil(lambda: bar.value() < 0.2 * bar.maximum(), timeout=2000)
