"""The course glossary in the real window: search, read, open the page that teaches a term."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from tests.ui.driving import create_profile, start_app


def test_search_a_term_and_open_its_page_from_the_keyboard(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    glossary = window.glossary
    qtbot.waitUntil(glossary.isVisible)
    lesson = window.workspace.library.lesson("nato-origins")
    assert glossary.terms.count() == len(lesson.terms)
    qtbot.keyClicks(glossary.search, "collective")
    shown = [glossary.terms.item(i).text() for i in range(glossary.terms.count())]
    assert shown and all("collective" in (t + lesson.term(t).definition).casefold() for t in shown)
    qtbot.keyClick(glossary.search, Qt.Key.Key_Return)
    assert glossary.focusWidget() is glossary.terms  # where the keyboard goes when the dialog is active
    term = lesson.term(glossary.terms.currentItem().text())
    assert term.definition in glossary.detail.toPlainText()
    page = next(p for p in lesson.pages if term.term in p.terms)
    assert page.title in glossary.detail.toPlainText()

    glossary.detail.anchorClicked.emit(QUrl(f"page:nato-origins/{page.slug}"))
    view = window.lesson_view
    assert view is not None and view.reader.page_label.text().endswith(page.title)
    glossary.close()


def test_a_search_that_matches_nothing_says_so(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    window.show_glossary()
    qtbot.keyClicks(window.glossary.search, "qqqzzz")
    assert window.glossary.terms.count() == 0
    assert window.glossary.detail.toPlainText() == "No term matches."
    window.glossary.close()
